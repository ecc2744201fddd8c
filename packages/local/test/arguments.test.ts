import { describe, expect, it } from 'vitest';
import { decodeAlloy, decodeArguments } from './support/harness.js';

describe('local.file arguments', () => {
  it('defaults to fsnotify, one minute and not secret', () => {
    expect(decodeArguments('filename = "/etc/hostname"')).toEqual({
      filename: '/etc/hostname',
      detector: 'fsnotify',
      poll_frequency: 60_000,
      is_secret: false,
    });
  });

  it('decodes every argument', () => {
    const body = 'filename = "f"\ndetector = "poll"\npoll_frequency = "250ms"\nis_secret = true';
    expect(decodeArguments(body)).toEqual({ filename: 'f', detector: 'poll', poll_frequency: 250, is_secret: true });
  });

  it('accepts an empty detector, which means the default', () => {
    expect(decodeArguments('filename = "f"\ndetector = ""').detector).toBe('');
  });

  it('requires filename', () => {
    expect(decodeAlloy('is_secret = true')).toEqual({
      ok: false,
      errors: ['config.alloy:1:1: missing required attribute "filename"'],
    });
  });

  it('rejects an unknown detector with upstream\'s message', () => {
    expect(decodeAlloy('filename = "f"\ndetector = "inotify"')).toEqual({
      ok: false,
      errors: ['config.alloy:1:1: unrecognized detector "inotify", expected fsnotify or poll'],
    });
  });
});
