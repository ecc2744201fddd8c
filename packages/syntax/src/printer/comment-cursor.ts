import type { CommentGroup } from '../ast/nodes.js';

/** Walks a file's comment groups in source order, skipping empty groups. */
export class CommentCursor {
  private index = 0;
  /** The group to place next, if any is left. */
  current: CommentGroup | undefined;

  constructor(private readonly groups: readonly CommentGroup[]) {
    this.advance();
  }

  /** True when the next group starts at or before `offset`, i.e. must be printed before it. */
  startsAtOrBefore(offset: number): boolean {
    const first = this.current?.[0];
    return first !== undefined && first.start.offset <= offset;
  }

  advance(): void {
    while (this.index < this.groups.length) {
      const group = this.groups[this.index++]!;
      if (group.length > 0) {
        this.current = group;
        return;
      }
    }
    this.current = undefined;
  }
}
