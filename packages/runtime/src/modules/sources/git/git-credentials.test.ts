/**
 * What git is handed for each kind of credentials. SSH itself is not exercised (there is no
 * sshd here): these check the command, the key file and the askpass script it would use.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { prepareCredentials } from './git-credentials.js';
import { gitArguments } from './test-support/harness.js';

const BASE = 'repository = "ssh://git@127.0.0.1/r.git"\npath = "m.alloy"\n';

describe('git credentials', () => {
  it('none without basic_auth or ssh_key', async () => {
    const credentials = await prepareCredentials(gitArguments(BASE));
    expect(credentials).toMatchObject({ config: [], env: {}, secrets: [] });
  });

  it('basic_auth: a header through config, helpers cleared, both secrets scrubbed', async () => {
    const credentials = await prepareCredentials(
      gitArguments(`${BASE}basic_auth {\n username = "u"\n password = "p@ss"\n}`),
    );
    const token = Buffer.from('u:p@ss').toString('base64');
    expect(credentials.config).toEqual([
      ['http.extraHeader', ''],
      ['http.extraHeader', `Authorization: Basic ${token}`],
      ['credential.helper', ''],
    ]);
    expect(credentials.secrets).toEqual(['p@ss', token]);
  });

  it('basic_auth: an unreadable password_file says which', async () => {
    const args = gitArguments(`${BASE}basic_auth {\n username = "u"\n password_file = "/nonexistent/pw"\n}`);
    await expect(prepareCredentials(args)).rejects.toThrow(
      'unable to read basic auth password file /nonexistent/pw: open /nonexistent/pw: no such file or directory',
    );
  });

  it('basic_auth wins over ssh_key, as upstream', async () => {
    const args = gitArguments(
      `${BASE}basic_auth {\n username = "u"\n password = "p"\n}\nssh_key {\n username = "git"\n key_file = "/k"\n}`,
    );
    expect((await prepareCredentials(args)).env).toEqual({});
  });

  it('ssh_key with an inline key: a 0600 file, removed by dispose; nothing may prompt', async () => {
    const credentials = await prepareCredentials(
      gitArguments(`${BASE}ssh_key {\n username = "git"\n key = "-----KEY-----"\n}`),
    );
    const command = credentials.env.GIT_SSH_COMMAND ?? '';
    const keyFile = /-i '([^']+)'/.exec(command)?.[1] ?? '';
    expect(command).toBe(
      `ssh -o StrictHostKeyChecking=accept-new -i '${keyFile}' -o IdentitiesOnly=yes -l 'git' -o BatchMode=yes`,
    );
    expect(await readFile(keyFile, 'utf8')).toBe('-----KEY-----\n');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(credentials.secrets).toContain('-----KEY-----');
    await credentials.dispose();
    expect(existsSync(keyFile)).toBe(false);
  });

  it('ssh_key with key_file and a passphrase: an askpass script that answers it', async () => {
    const credentials = await prepareCredentials(
      gitArguments(`${BASE}ssh_key {\n username = "it's"\n key_file = "/keys/id"\n passphrase = "open sesame"\n}`),
    );
    expect(credentials.env.GIT_SSH_COMMAND).toBe(
      `ssh -o StrictHostKeyChecking=accept-new -i '/keys/id' -o IdentitiesOnly=yes -l 'it'\\''s'`,
    );
    expect(credentials.env).toMatchObject({ SSH_ASKPASS_REQUIRE: 'force', INGOT_SSH_PASSPHRASE: 'open sesame' });
    const askpass = credentials.env.SSH_ASKPASS ?? '';
    const { stdout } = await promisify(execFile)(askpass, [], { env: { ...credentials.env } });
    expect(stdout).toBe('open sesame\n');
    await credentials.dispose();
    expect(existsSync(askpass)).toBe(false);
  });
});
