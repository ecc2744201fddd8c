/**
 * Upstream's key clean-up before a key is written (`replace` in upstream
 * internal/runtime/logging/handler.go): trimmed, and the characters that would break a
 * logfmt pair replaced by `_`. Other characters are kept (and quoted if logfmt needs it).
 */
export function attributeKey(key: string): string {
  const trimmed = key.trim();
  return UNSAFE.test(trimmed) ? trimmed.replace(UNSAFE_ALL, '_') : trimmed;
}

const UNSAFE = /[ ="\t\n\v\f\r]/;
const UNSAFE_ALL = /[ ="\t\n\v\f\r]/g;
