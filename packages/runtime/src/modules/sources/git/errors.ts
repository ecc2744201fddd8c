/**
 * Upstream's repository errors (internal/vcs/errors.go), worded as it words them. The kind
 * matters: only an `UpdateFailedError` lets a source fall back to the checkout it already has.
 * Messages are built from redacted text only (see `redaction.ts`).
 */
import { quote } from '@ingot/syntax';

/** The first clone failed: there is nothing to fall back to. */
export class DownloadFailedError extends Error {
  constructor(repository: string, reason: string) {
    super(`failed to download repository ${quote(repository)}: ${reason}`);
    this.name = 'DownloadFailedError';
  }
}

/** Fetching or checking out failed on an existing clone, which still holds the last checkout. */
export class UpdateFailedError extends Error {
  constructor(repository: string, reason: string) {
    super(`failed to update repository ${quote(repository)}: ${reason}`);
    this.name = 'UpdateFailedError';
  }
}

/** The revision names no tag, branch or commit of the repository. */
export class InvalidRevisionError extends Error {
  constructor(revision: string) {
    // Upstream formats this one with `"%s"`, not `%q`: no escaping.
    super(`invalid revision "${revision}"`);
    this.name = 'InvalidRevisionError';
  }
}
