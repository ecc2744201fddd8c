/**
 * Handing `basic_auth` and `ssh_key` to the system git without exposing them: never on a
 * command line (`ps` shows those to every user), never in `.git/config`, never in messages.
 * Upstream's go-git takes them in-process; git takes them from the environment and from
 * files only this process can read.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { osErrorMessage } from '../../../os-error.js';
import type { GitArguments, GitBasicAuth, GitSshKey } from './arguments.js';
import type { ConfigEntry } from './git-command.js';

/** What one git command needs for the configured credentials; `dispose` after the command. */
export interface GitCredentials {
  readonly config: readonly ConfigEntry[];
  readonly env: Readonly<Record<string, string>>;
  /** Text that must be scrubbed from anything shown. */
  readonly secrets: readonly string[];
  dispose(): Promise<void>;
}

const NONE: GitCredentials = { config: [], env: {}, secrets: [], dispose: async () => {} };

/**
 * Credentials for one command, read afresh (a rotated `password_file` is picked up on the
 * next pull). `basic_auth` wins over `ssh_key` when both are written, as upstream.
 */
export async function prepareCredentials(args: GitArguments): Promise<GitCredentials> {
  if (args.basic_auth !== undefined) return basicAuth(args.basic_auth);
  if (args.ssh_key !== undefined) return sshKey(args.ssh_key);
  return NONE;
}

/**
 * Sent on every request as a header, as go-git does (no 401 round trip, and servers that
 * answer 404 for private repositories still work). Passed through `GIT_CONFIG_*`, so it is
 * neither on the command line nor stored in the clone. The empty values first clear any
 * headers and credential helpers from the user's git config: a helper such as `store`
 * would otherwise save the password to disk.
 */
async function basicAuth(auth: GitBasicAuth): Promise<GitCredentials> {
  const password = await basicAuthPassword(auth);
  const token = Buffer.from(`${auth.username}:${password}`).toString('base64');
  return {
    config: [
      ['http.extraHeader', ''],
      ['http.extraHeader', `Authorization: Basic ${token}`],
      ['credential.helper', ''],
    ],
    env: {},
    secrets: [password, token],
    dispose: NONE.dispose,
  };
}

async function basicAuthPassword(auth: GitBasicAuth): Promise<string> {
  const file = auth.password_file ?? '';
  if (file === '') return auth.password?.reveal() ?? '';
  try {
    // Prometheus trims the file's surrounding whitespace; so do we (a trailing newline is usual).
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new Error(`unable to read basic auth password file ${file}: ${osErrorMessage(error, file)}`);
  }
}

/**
 * `GIT_SSH_COMMAND` with the key: an inline key goes to a 0600 file in a private temporary
 * directory, removed after the command. Host keys are trusted on first use. A passphrase
 * reaches ssh through an askpass script that reads it from this process's environment.
 */
async function sshKey(key: GitSshKey): Promise<GitCredentials> {
  const passphrase = key.passphrase?.reveal() ?? '';
  const inline = key.key?.reveal() ?? '';
  const needsFiles = inline !== '' || passphrase !== '';
  const directory = needsFiles ? await mkdtemp(join(tmpdir(), 'ingot-git-ssh-')) : undefined;
  const dispose = async (): Promise<void> => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  };

  try {
    const command = ['ssh', '-o', 'StrictHostKeyChecking=accept-new'];
    const env: Record<string, string> = {};
    let keyFile = key.key_file ?? '';
    if (inline !== '' && directory !== undefined) {
      keyFile = join(directory, 'key');
      // ssh refuses a key without its final newline.
      await writeFile(keyFile, inline.endsWith('\n') ? inline : `${inline}\n`, { mode: 0o600 });
    }
    if (keyFile !== '') command.push('-i', shellQuote(keyFile), '-o', 'IdentitiesOnly=yes');
    if (key.username !== '') command.push('-l', shellQuote(key.username));
    if (passphrase !== '' && directory !== undefined) {
      const askpass = join(directory, 'askpass');
      await writeFile(askpass, '#!/bin/sh\nprintf \'%s\\n\' "$INGOT_SSH_PASSPHRASE"\n', { mode: 0o700 });
      await chmod(askpass, 0o700);
      Object.assign(env, { SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', INGOT_SSH_PASSPHRASE: passphrase });
    } else {
      // Nothing may prompt: without a passphrase a prompt could only hang.
      command.push('-o', 'BatchMode=yes');
    }
    env.GIT_SSH_COMMAND = command.join(' ');
    return { config: [], env, secrets: [inline, passphrase], dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `GIT_SSH_COMMAND` is run by a shell: single-quote each word that comes from the config. */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
