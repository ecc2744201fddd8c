import { describe, expect, it } from 'vitest';
import { Arguments } from '../../test/support/example-schema.js';
import type { Capsule } from '../eval/value.js';
import { renderReference } from './reference.js';
import { attr, block, enumBlocks, mapBlock, child } from './schema.js';
import { t } from './types.js';

describe('renderReference', () => {
  it('renders arguments, blocks, each block and exports as Alloy docs do', () => {
    const Exports = block({
      fields: {
        receiver: attr(t.capsule('ProfilesReceiver', (c): c is Capsule => true), {
          doc: 'A value other components can send profiles to.',
        }),
      },
    });
    expect(renderReference({ arguments: Arguments, exports: Exports })).toBe(`## Arguments

| Name          | Type     | Description                          | Default | Required |
| ------------- | -------- | ------------------------------------ | ------- | -------- |
| \`max_retries\` | \`number\` | How often to retry a failed request. | \`3\`     | no       |

## Blocks

| Block                     | Description                                             | Required |
| ------------------------- | ------------------------------------------------------- | -------- |
| \`endpoint\`                | Where to send data. May be written any number of times. | yes      |
| \`endpoint\` > \`basic_auth\` | Credentials for HTTP basic authentication.              | no       |

### \`endpoint\`

Where to send data.

| Name      | Type          | Description                  | Default | Required |
| --------- | ------------- | ---------------------------- | ------- | -------- |
| \`url\`     | \`string\`      | The URL to send data to.     |         | yes      |
| \`timeout\` | \`duration\`    | How long a request may take. | \`"30s"\` | no       |
| \`headers\` | \`map(string)\` | Extra HTTP headers.          |         | no       |

### \`endpoint\` > \`basic_auth\`

Credentials for HTTP basic authentication.

| Name       | Type     | Description    | Default | Required |
| ---------- | -------- | -------------- | ------- | -------- |
| \`username\` | \`string\` | The user name. |         | yes      |
| \`password\` | \`secret\` | The password.  |         | no       |

## Exported fields

| Name       | Type               | Description                                    |
| ---------- | ------------------ | ---------------------------------------------- |
| \`receiver\` | \`ProfilesReceiver\` | A value other components can send profiles to. |
`);
  });

  it('lists enum alternatives and map blocks, and escapes pipes', () => {
    const Schema = block({
      fields: {
        pattern: attr(t.array(t.string), { default: ['a|b'], doc: 'Alternatives, as in a|b.' }),
        stage: enumBlocks({ drop: block({ fields: {} }) }, { doc: 'A processing stage.' }),
        extra: child(mapBlock(t.any), { optional: true, doc: 'Anything else.' }),
      },
    });
    const text = renderReference({ arguments: Schema });
    expect(text).toContain('| `pattern` | `list(string)` | Alternatives, as in a\\|b. | `["a\\|b"]` | no       |');
    expect(text).toContain('| `stage.drop` | A processing stage. May be written any number of times, in order. | no       |');
    expect(text).toContain('### `extra`\n\nAnything else.\n\nAny attribute may be set; each value is a `any`.');
    expect(text).toContain('### `stage.drop`\n\nA processing stage.\n\nThe block takes no arguments.');
  });
});
