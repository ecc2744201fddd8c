import { describe, expect, it } from 'vitest';
import { redact } from './redaction.js';

describe('redact', () => {
  it('strips URL userinfo, whatever the scheme', () => {
    expect(redact("unable to access 'https://user:pw@host/r.git/': 403")).toBe("unable to access 'https://host/r.git/': 403");
    expect(redact('ssh://git@host:22/r and http://token@h/')).toBe('ssh://host:22/r and http://h/');
  });

  it('keeps scp-like addresses, which carry no password', () => {
    expect(redact('git@github.com:grafana/alloy.git')).toBe('git@github.com:grafana/alloy.git');
  });

  it('replaces every configured secret, ignoring empty ones', () => {
    expect(redact('a s3cret b s3cret', ['s3cret', ''])).toBe('a (secret) b (secret)');
  });
});
