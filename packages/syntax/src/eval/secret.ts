/**
 * Secrets and optional secrets (upstream `alloytypes.Secret` and `alloytypes.OptionalSecret`).
 *
 * Both are capsules: there is no literal syntax for them, they arrive from the host or from
 * decoding a string into a secret-typed argument. Their text lives in a private field and
 * is only handed out by `reveal()`, so a secret cannot leak through `JSON.stringify`,
 * `console.log` or string interpolation by accident; printers use `tokenize()`, which says
 * `(secret)`.
 *
 * The second half of this module is the operand rewrite upstream applies before any binary
 * operator with a capsule operand, and `+` on secrets.
 */
import { quote } from '../lexer/quote.js';
import { capsule, string, type Capsule, type CapsuleValue, type Value } from './value.js';

const REDACTED = '(secret)';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** A value that must never be shown: prints as `(secret)`. */
export class Secret implements Capsule {
  readonly typeName = 'alloytypes.Secret';
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The secret's text. Only for code that must use it (`convert.nonsensitive`, a password). */
  reveal(): string {
    return this.#text;
  }

  equals(other: Capsule): boolean {
    return other instanceof Secret && other.#text === this.#text;
  }

  tokenize(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [INSPECT](): string {
    return `Secret ${REDACTED}`;
  }
}

/**
 * A string that may or may not be secret, decided by the host (an argument that accepts
 * either a plain string or a secret). Prints as its quoted text unless it is secret.
 */
export class OptionalSecret implements Capsule {
  readonly typeName = 'alloytypes.OptionalSecret';
  readonly #text: string;

  constructor(text: string, readonly isSecret: boolean) {
    this.#text = text;
  }

  /** The text, whether or not it is secret. */
  reveal(): string {
    return this.#text;
  }

  equals(other: Capsule): boolean {
    return other instanceof OptionalSecret && other.isSecret === this.isSecret && other.#text === this.#text;
  }

  tokenize(): string {
    return this.isSecret ? REDACTED : quote(this.#text);
  }

  toString(): string {
    return this.tokenize();
  }

  toJSON(): string {
    return this.tokenize();
  }

  [INSPECT](): string {
    return `OptionalSecret ${this.tokenize()}`;
  }
}

export function secretValue(text: string): CapsuleValue {
  return capsule(new Secret(text));
}

export function optionalSecretValue(text: string, isSecret: boolean): CapsuleValue {
  return capsule(new OptionalSecret(text, isSecret));
}

/** The Secret inside a value, if it holds one. */
export function asSecret(value: Value): Secret | undefined {
  return value.type === 'capsule' && value.capsule instanceof Secret ? value.capsule : undefined;
}

/** The OptionalSecret inside a value, if it holds one. */
export function asOptionalSecret(value: Value): OptionalSecret | undefined {
  return value.type === 'capsule' && value.capsule instanceof OptionalSecret ? value.capsule : undefined;
}

/**
 * Brings a secret and its partner to a common type before a binary operator (upstream
 * `tryUnwrapCapsules`): a secret on either side makes the pair secrets, a secret optional
 * secret makes a string partner one too, and a non-secret optional secret becomes a plain
 * string. Every other pair comes back unchanged. The rewritten values are new objects: they
 * belong to no expression, which is why errors about them may lose their position.
 */
export function tryUnwrapCapsules(lhs: Value, rhs: Value): readonly [Value, Value] {
  const lhsSecret = asSecret(lhs);
  const lhsOptional = asOptionalSecret(lhs);
  const rhsSecret = asSecret(rhs);
  const rhsOptional = asOptionalSecret(rhs);

  if (lhsOptional !== undefined) {
    if (rhsSecret !== undefined) return [secretValue(lhsOptional.reveal()), rhs];
    if (rhs.type === 'string') {
      return lhsOptional.isSecret
        ? [lhs, optionalSecretValue(rhs.value, true)]
        : [string(lhsOptional.reveal()), string(rhs.value)];
    }
  } else if (lhsSecret !== undefined) {
    if (rhsOptional !== undefined) return [lhs, secretValue(rhsOptional.reveal())];
    if (rhs.type === 'string') return [lhs, secretValue(rhs.value)];
  } else if (lhs.type === 'string') {
    if (rhsOptional !== undefined) {
      return rhsOptional.isSecret
        ? [optionalSecretValue(lhs.value, true), rhs]
        : [lhs, string(rhsOptional.reveal())];
    }
    if (rhsSecret !== undefined) return [secretValue(lhs.value), rhs];
  }
  return [lhs, rhs];
}

/**
 * `+` on two capsules, after `tryUnwrapCapsules`. A secret or optional secret on the left
 * concatenates; a right side of another type counts as empty text (upstream reads it as the
 * zero value), so the left comes back unchanged in substance. Returns `undefined` when the
 * left is not a secret at all: the caller reports the unknown types.
 */
export function addSecrets(lhs: CapsuleValue, rhs: CapsuleValue): CapsuleValue | undefined {
  const lhsOptional = asOptionalSecret(lhs);
  if (lhsOptional !== undefined) {
    const rhsOptional = asOptionalSecret(rhs);
    return optionalSecretValue(
      lhsOptional.reveal() + (rhsOptional?.reveal() ?? ''),
      lhsOptional.isSecret || (rhsOptional?.isSecret ?? false),
    );
  }
  const lhsSecret = asSecret(lhs);
  if (lhsSecret !== undefined) return secretValue(lhsSecret.reveal() + (asSecret(rhs)?.reveal() ?? ''));
  return undefined;
}
