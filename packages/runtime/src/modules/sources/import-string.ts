import { attr, block, t } from '@ingot/syntax';
import { untilAborted } from '../../timers.js';
import type { ImportSourceDefinition } from '../import-source.js';

const Arguments = block({
  fields: { content: attr(t.optionalSecret, { doc: 'The module text: declare and import blocks.' }) },
});

/**
 * `import.string` (spec §4.7): the module is its `content` argument, so it changes when the
 * block is evaluated again, e.g. because the `local.file` feeding it changed. Nothing to
 * watch; its `module_path` is the importer's.
 */
export const importString: ImportSourceDefinition<typeof Arguments> = {
  kind: 'string',
  arguments: Arguments,
  create(args, context) {
    const text = args.content.reveal();
    return {
      fetch: async () => new Map([['import_string', text]]),
      modulePath: context.modulePath,
      watch: untilAborted,
    };
  },
};
