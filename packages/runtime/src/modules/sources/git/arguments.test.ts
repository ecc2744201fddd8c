import { describe, expect, it } from 'vitest';
import { decodeGit, gitArguments } from './test-support/harness.js';

describe('import.git arguments', () => {
  it('defaults revision to main and pull_frequency to one minute, as upstream code does', () => {
    expect(gitArguments('repository = "https://example.com/r.git"\npath = "m.alloy"')).toEqual({
      repository: 'https://example.com/r.git',
      revision: 'main',
      path: 'm.alloy',
      pull_frequency: 60_000,
    });
  });

  it('requires repository and path', () => {
    expect(decodeGit('revision = "v1"')).toEqual({
      ok: false,
      errors: [
        'config.alloy:1:1: missing required attribute "repository"',
        'config.alloy:1:1: missing required attribute "path"',
      ],
    });
  });

  it.each(['HEAD', 'FETCH_HEAD', 'ORIG_HEAD', 'MERGE_HEAD', 'CHERRY_PICK_HEAD'])('refuses the special reference %s', (revision) => {
    expect(decodeGit(`repository = "r"\npath = "p"\nrevision = "${revision}"`)).toEqual({
      ok: false,
      errors: [
        'config.alloy:1:1: revision cannot be a special git reference such as HEAD, FETCH_HEAD, ORIG_HEAD, MERGE_HEAD, or CHERRY_PICK_HEAD',
      ],
    });
  });

  it('decodes basic_auth and ssh_key, keeping secrets secret', () => {
    const args = gitArguments(
      [
        'repository = "r"',
        'path = "p"',
        'pull_frequency = "0s"',
        'basic_auth {\n username = "u"\n password = "pw"\n}',
        'ssh_key {\n username = "git"\n key_file = "/k"\n passphrase = "pp"\n}',
      ].join('\n'),
    );
    expect(args.pull_frequency).toBe(0);
    expect(args.basic_auth?.username).toBe('u');
    expect(args.basic_auth?.password?.reveal()).toBe('pw');
    expect(JSON.stringify(args)).not.toContain('pw');
    expect(args.ssh_key).toMatchObject({ username: 'git', key_file: '/k' });
    expect(args.ssh_key?.passphrase?.reveal()).toBe('pp');
  });

  it('refuses both a basic_auth password and a password_file', () => {
    const result = decodeGit('repository = "r"\npath = "p"\nbasic_auth {\n username = "u"\n password = "x"\n password_file = "/f"\n}');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.errors[0]).toContain('at most one of basic_auth password & password_file must be configured');
  });
});
