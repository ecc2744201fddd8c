/**
 * `import.http` over HTTPS with a self-signed certificate made by the openssl CLI at test
 * time; skipped where there is no openssl.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSource } from './test-support/harness.js';
import { hasOpenssl, selfSignedCertificate, startServer, type Certificate, type TestServer } from './test-support/test-server.js';

const MODULE = 'declare "secure" {}';

describe.skipIf(!hasOpenssl)('import.http over TLS', { timeout: 10_000 }, () => {
  let certificate: Certificate;
  let server: TestServer;
  let directory: string;

  beforeAll(async () => {
    certificate = selfSignedCertificate();
    server = await startServer(certificate);
    server.serve('/m.alloy', MODULE);
    directory = await mkdtemp(join(tmpdir(), 'ingot-import-http-tls-'));
  });

  afterAll(async () => {
    await server?.stop();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  const fetchWith = (client: string) =>
    createSource(`url = "${server.origin}/m.alloy"\nclient {\n tls_config {\n${client}\n }\n}`).source.fetch();

  it('refuses an unknown authority, in Go\'s words', async () => {
    await expect(createSource(`url = "${server.origin}/m.alloy"`).source.fetch()).rejects.toThrow(
      `performing request: Get "${server.origin}/m.alloy": tls: failed to verify certificate: x509: certificate signed by unknown authority`,
    );
  });

  it('trusts ca_pem', async () => {
    expect([...(await fetchWith(`ca_pem = ${JSON.stringify(certificate.cert)}`)).values()]).toEqual([MODULE]);
  });

  it('trusts ca_file, and says so when it cannot be read', async () => {
    const file = join(directory, 'ca.pem');
    await writeFile(file, certificate.cert);
    expect([...(await fetchWith(`ca_file = ${JSON.stringify(file)}`)).values()]).toEqual([MODULE]);
    const missing = join(directory, 'missing.pem');
    await expect(fetchWith(`ca_file = ${JSON.stringify(missing)}`)).rejects.toThrow(
      `building request: unable to load specified CA cert ${missing}: open ${missing}: no such file or directory`,
    );
  });

  it('skips verification with insecure_skip_verify', async () => {
    expect([...(await fetchWith('insecure_skip_verify = true')).values()]).toEqual([MODULE]);
  });

  it('checks the certificate against server_name', async () => {
    const ca = `ca_pem = ${JSON.stringify(certificate.cert)}`;
    expect([...(await fetchWith(`${ca}\nserver_name = "ingot.test"`)).values()]).toEqual([MODULE]);
    await expect(fetchWith(`${ca}\nserver_name = "other.test"`)).rejects.toThrow(
      /: tls: failed to verify certificate: x509: Host: other\.test\. is not in the cert's altnames/,
    );
  });
});
