import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of eslint.config.mjs, shown on deliberate violations: a rule that never fires
// would let the layers drift unnoticed. Each case lints one line as if it were a file at `filePath`.

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const results = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return results
    .flatMap((result) => result.messages)
    .filter((m) => m.ruleId?.includes('restricted'))
    .map((m) => m.message);
}

describe('layers enforced by lint', () => {
  it('refuses app/ importing db/, by alias and by relative path', async () => {
    expect(await problems('app/[locale]/(workspace)/example.tsx', "import { openDatabase as x } from '@/db/client';")).toEqual([
      expect.stringContaining('app/ reaches the database only through server/'),
    ]);
    expect(await problems('app/example.ts', "import { users as x } from '../db/schema';")).toHaveLength(1);
  });

  it('refuses db/ importing server/ or app/', async () => {
    expect(await problems('db/schema/example.ts', "import { getDb as x } from '@/server/db';")).toEqual([
      expect.stringContaining('db/ is below the app'),
    ]);
    expect(await problems('db/example.ts', "import { Form as x } from '../app/_components/Form';")).toHaveLength(1);
  });

  it('refuses server/ importing app/', async () => {
    expect(await problems('server/services/example.ts', "import { Badge as x } from '@/app/_components/Badge';")).toEqual([
      expect.stringContaining('server/ must not import app/'),
    ]);
  });

  it('refuses services and domain logic importing the framework, HTTP, tRPC or sign-in', async () => {
    expect(await problems('server/services/example.ts', "import { headers as x } from 'next/headers';")).toEqual([
      expect.stringContaining('Framework imports belong to app/'),
    ]);
    expect(await problems('server/services/example.ts', "import { authOptions as x } from '../auth';")).toEqual([
      expect.stringContaining('know nothing of HTTP, tRPC or sign-in'),
    ]);
    expect(await problems('server/domain/example.ts', "import { getDb as x } from '@/server/db';")).toHaveLength(1);
    expect(await problems('server/domain/example.ts', "import { users as x } from '@/db/schema';")).toEqual([
      expect.stringContaining('pure logic without I/O'),
    ]);
  });

  it('refuses common/ importing any layer', async () => {
    expect(await problems('common/example.ts', "import { users as x } from '@/db/schema';")).toEqual([
      expect.stringContaining('common/ holds what every layer shares'),
    ]);
  });

  it('allows the imports that go down', async () => {
    expect(await problems('app/example.ts', "import { getDb as x } from '@/server/db';")).toEqual([]);
    expect(await problems('server/services/example.ts', "import { users as x } from '@/db/schema';")).toEqual([]);
    expect(await problems('db/schema/example.ts', "import { LOCALES as x } from '@/common/enums';")).toEqual([]);
    expect(await problems('server/api/example.ts', "import { authOptions as x } from '../auth';")).toEqual([]);
  });
});
