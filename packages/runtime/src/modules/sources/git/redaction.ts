/**
 * Keeping credentials out of messages. Git echoes repository URLs in its errors, and a URL
 * may carry `user:password@`; the configured secrets themselves should never be echoed, but
 * any text that reaches a log line or a health message is scrubbed of them all the same.
 */

/** `scheme://userinfo@`: everything between the scheme and the `@` goes. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@'"]*@/gi;

const REDACTED = '(secret)';

/** `text` without URL userinfo and with every non-empty `secrets` entry replaced. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(URL_USERINFO, '$1');
  for (const secret of secrets) {
    if (secret !== '') out = out.split(secret).join(REDACTED);
  }
  return out;
}
