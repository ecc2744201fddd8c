/**
 * What `import.git` accepts (upstream internal/runtime/internal/importsource/import_git.go and
 * internal/vcs/auth.go, spec §4.7).
 */
import { attr, block, child, t, type Decoded } from '@ingot/syntax';

/**
 * Upstream's `vcs.BasicAuth` requires both `username` and `password`. `password_file` is
 * Ingot's addition (as in the shared HTTP client's `basic_auth`), so `password` is optional
 * here; a block with neither sends an empty password, as upstream does with `password = ""`.
 */
export const BasicAuth = block({
  fields: {
    username: attr(t.string, { doc: 'Basic auth username.' }),
    password: attr(t.secret, { optional: true, doc: 'Basic auth password.' }),
    password_file: attr(t.string, { optional: true, doc: 'File holding the basic auth password.' }),
  },
  validate: ({ password, password_file }) =>
    password !== undefined && password.reveal() !== '' && password_file !== undefined && password_file !== ''
      ? 'at most one of basic_auth password & password_file must be configured'
      : undefined,
});

export const SshKey = block({
  fields: {
    username: attr(t.string, { doc: 'SSH username.' }),
    key: attr(t.secret, { optional: true, doc: 'SSH private key.' }),
    key_file: attr(t.string, { optional: true, doc: 'SSH private key path.' }),
    passphrase: attr(t.secret, { optional: true, doc: 'Passphrase for the SSH key if needed.' }),
  },
});

/** References that name no fixed revision: upstream refuses them (docs still say `HEAD` is the default). */
const SPECIAL_REFERENCES: readonly string[] = ['HEAD', 'FETCH_HEAD', 'ORIG_HEAD', 'MERGE_HEAD', 'CHERRY_PICK_HEAD'];

export const Arguments = block({
  fields: {
    repository: attr(t.string, { doc: 'The Git repository address to retrieve the module from.' }),
    // Upstream's code defaults to "main"; its docs say "HEAD", which its validation refuses.
    revision: attr(t.string, { default: 'main', doc: 'The Git revision to retrieve the module from.' }),
    path: attr(t.string, { doc: 'The path in the repository where the module is stored.' }),
    pull_frequency: attr(t.duration, { default: 60_000, doc: 'The frequency to pull the repository for updates.' }),
    basic_auth: child(BasicAuth, { optional: true, doc: 'Basic auth for HTTP(S) repositories.' }),
    ssh_key: child(SshKey, { optional: true, doc: 'An SSH key for SSH repositories.' }),
  },
  validate: ({ revision }) =>
    SPECIAL_REFERENCES.includes(revision)
      ? 'revision cannot be a special git reference such as HEAD, FETCH_HEAD, ORIG_HEAD, MERGE_HEAD, or CHERRY_PICK_HEAD'
      : undefined,
});

export type GitArguments = Decoded<typeof Arguments>;
export type GitBasicAuth = Decoded<typeof BasicAuth>;
export type GitSshKey = Decoded<typeof SshKey>;
