/**
 * Node's network and TLS failures in the words of Go's `net/http`, which upstream's
 * messages embed. Only the common ones are translated; anything else keeps Node's text.
 */

/** Node's codes for a certificate chain that ends in no trusted root. */
const UNKNOWN_AUTHORITY = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

interface NodeNetworkError extends Error {
  readonly code?: string;
  readonly address?: string;
  readonly port?: number;
  readonly hostname?: string;
  readonly reason?: string;
}

export function goErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, address, port, hostname, reason } = error as NodeNetworkError;
  if (code === 'ECONNREFUSED' && address !== undefined) {
    return `dial tcp ${address}:${port ?? ''}: connect: connection refused`;
  }
  if (code === 'ENOTFOUND' && hostname !== undefined) return `dial tcp: lookup ${hostname}: no such host`;
  if (code !== undefined && UNKNOWN_AUTHORITY.has(code)) {
    return 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `tls: failed to verify certificate: x509: ${reason ?? error.message}`;
  }
  return error.message;
}
