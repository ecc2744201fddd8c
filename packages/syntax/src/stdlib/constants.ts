/**
 * `constants`: facts about the host as strings (upstream computes them once at start-up):
 * `hostname`, `os` and `arch` in Go's spelling (`linux`, `darwin`, `windows`; `amd64`,
 * `arm64`, `386`), and `version`, normalised as upstream does.
 */
import { hostname } from 'node:os';

export interface Constants {
  readonly hostname: string;
  readonly os: string;
  readonly arch: string;
  readonly version: string;
}

/** The Alloy release Ingot is compatible with; what `constants.version` reports. */
export const ALLOY_COMPATIBLE_VERSION = 'v1.10.0';

const GOOS: Readonly<Record<string, string>> = { win32: 'windows', sunos: 'solaris' };
const GOARCH: Readonly<Record<string, string>> = {
  x64: 'amd64', ia32: '386', x32: '386', ppc64: 'ppc64le', mipsel: 'mipsle', mips64el: 'mips64le',
};

export function hostConstants(version = ALLOY_COMPATIBLE_VERSION): Constants {
  return {
    hostname: safeHostname(),
    os: goOs(process.platform),
    arch: goArch(process.arch, process.platform),
    version: normalizeVersion(version),
  };
}

export function goOs(platform: string): string {
  return GOOS[platform] ?? platform;
}

export function goArch(arch: string, platform = process.platform): string {
  // Node calls both endiannesses of 64-bit PowerPC "ppc64"; AIX is the big-endian one.
  if (arch === 'ppc64' && platform === 'aix') return 'ppc64';
  return GOARCH[arch] ?? arch;
}

function safeHostname(): string {
  try {
    return hostname();
  } catch {
    return '';
  }
}

const TOLERANT_SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/**
 * Upstream `normalizeVersion`: trimmed; empty is `v0.0.0`; otherwise read tolerantly as
 * semver (a leading `v` dropped, `1.2` padded to `1.2.0`, leading zeros dropped) and
 * written back with a `v`. Text that is not a version is returned as it is (`devel`).
 */
export function normalizeVersion(version: string): string {
  const trimmed = version.trim();
  if (trimmed === '') return 'v0.0.0';
  const match = TOLERANT_SEMVER.exec(trimmed);
  if (match === null) return trimmed;
  const [, major, minor = '0', patch = '0', pre, build] = match;
  const core = [major, minor, patch].map((part) => BigInt(part!).toString()).join('.');
  return `v${core}${pre ? `-${pre}` : ''}${build ? `+${build}` : ''}`;
}
