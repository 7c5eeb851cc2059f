/**
 * The Action's artifact and GitHub traffic through the real clients inside dist/index.js,
 * against a loopback fake of the artifact service, blob storage and the REST API.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTar, zstdCompress, type TarEntry } from '../../tools/lib/tarball.js';
import { unpackArchive } from '../../src/action/unpack.js';
import { pruneVerdicts, type PruneJson } from '../support/action-datasets.js';
import { FakeGitHub, JOB_BACKEND_ID, REPO, RUN_BACKEND_ID } from '../support/fake-github.js';
import { FIXTURE_DATASET, hasStackTrace, makeWorkspace, runAction, type ActionRun } from '../support/run-action.js';
import { buildZip, folderEntries } from '../support/zip.js';
import { tempDir } from '../support/helpers.js';

let gh: FakeGitHub;
let truth: PruneJson;
beforeAll(async () => {
  gh = await new FakeGitHub().start();
  truth = pruneVerdicts();
});
afterAll(async () => {
  await gh.stop();
});

/** The fixture dataset as tar entries under `prefix`. */
function datasetTar(prefix: string): Buffer {
  const entries: TarEntry[] = [];
  for (const e of folderEntries(FIXTURE_DATASET, prefix)) {
    entries.push(e.name.endsWith('/') ? { name: e.name, type: '5' } : { name: e.name, data: e.data! });
  }
  return Buffer.from(buildTar(entries));
}

const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
let unique = 0;
const name = (base: string): string => `${base}-${unique++}`;

function expectScannedFixtures(r: ActionRun): void {
  expect(errors(r)).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.scanned).toBe(String(truth.scanned));
  expect(r.outputs.kept).toBe(String(truth.kept));
  expect(r.outputs.flagged).toBe(String(truth.flagged));
}

async function runWith(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { 'fail-on': 'never', ...inputs }, env: { ...gh.env(), ...extraEnv } });
}

describe('dataset from an artifact of this run (Twirp)', () => {
  it('a zipped dataset folder, found by name and downloaded by signed URL', async () => {
    const n = name('episodes');
    gh.addArtifact({ name: n, data: buildZip(folderEntries(FIXTURE_DATASET)), zip: true, runId: null });
    const before = gh.requests.length;
    const r = await runWith({ artifact: n });
    expectScannedFixtures(r);
    expect(r.summary).toContain(`artifact '${n}'`);

    const mine = gh.requests.slice(before);
    const list = mine.find((q) => q.path.endsWith('/ListArtifacts') && q.json?.name_filter === n);
    expect(list?.json).toMatchObject({ workflow_run_backend_id: RUN_BACKEND_ID, workflow_job_run_backend_id: JOB_BACKEND_ID });
    expect(list?.headers.authorization).toBe(`Bearer ${gh.token}`);
    expect(mine.some((q) => q.path.endsWith('/GetSignedArtifactURL') && q.json?.name === n)).toBe(true);
    expect(mine.some((q) => q.path.startsWith('/blob/'))).toBe(true);
    expect(mine.some((q) => q.path.startsWith('/repos/'))).toBe(false);
  });

  it('a snapshot file inside the artifact: dataset.tar.zst holding a dataset/ folder', async () => {
    const n = name('snapshot');
    gh.addArtifact({
      name: n,
      data: buildZip([{ name: 'dataset.tar.zst', data: zstdCompress(datasetTar('dataset/')) }]),
      zip: true,
      runId: null,
    });
    expectScannedFixtures(await runWith({ artifact: n }));
  });

  it('a snapshot uploaded unzipped (archive: false): the raw .tar.zst blob', async () => {
    const n = name('raw-snapshot');
    gh.addArtifact({ name: n, data: Buffer.from(zstdCompress(datasetTar(''))), zip: false, fileName: 'dataset.tar.zst', runId: null });
    expectScannedFixtures(await runWith({ artifact: n }));
  });

  it('a download that does not match the recorded digest is not scanned', async () => {
    const n = name('corrupted');
    gh.addArtifact({ name: n, data: buildZip(folderEntries(FIXTURE_DATASET)), zip: true, runId: null, wrongDigest: true });
    const r = await runWith({ artifact: n });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([`artifact '${n}' from this workflow run: the download does not match its recorded digest; re-run the job`]);
    expect(r.outputs.scanned).toBeUndefined();
  });

  it('a missing artifact fails with one clear line', async () => {
    const r = await runWith({ artifact: 'no-such-artifact' });
    expect(r.code).toBe(1);
    expect(errors(r)).toEqual([
      "Input 'artifact': no artifact named 'no-such-artifact' in this workflow run: check the name, that the upload step ran earlier in this run, or set artifact-run-id to take it from another run",
    ]);
    expect(hasStackTrace(r)).toBe(false);
  });

  it('an artifact that holds something else than a dataset', async () => {
    const n = name('not-a-dataset');
    gh.addArtifact({ name: n, data: buildZip([{ name: 'notes.txt', data: 'hello' }]), zip: true, runId: null });
    const r = await runWith({ artifact: n });
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toMatch(new RegExp(`artifact '${n}' holds no dataset: expected index\\.jsonl .*found: notes\\.txt`));
  });
});

describe('hostile artifacts are refused and nothing lands outside the unpack folder', () => {
  const cases: Array<[string, () => Buffer, RegExp]> = [
    [
      'zip with a path traversal',
      () => buildZip([...folderEntries(FIXTURE_DATASET), { name: '../../escaped.txt', data: 'pwned' }]),
      /refused entry: invalid relative path: \.\.\/\.\.\/escaped\.txt/,
    ],
    [
      'zip with a symlink to /etc',
      () => buildZip([...folderEntries(FIXTURE_DATASET), { name: 'episodes/lab-a/etc', data: '/etc', mode: 0o120777 }]),
      /refused entry "episodes\/lab-a\/etc": is a link to "\/etc".*links must stay inside/,
    ],
    [
      'tar.zst snapshot with a symlink that climbs out',
      () =>
        buildZip([
          {
            name: 'dataset.tar.zst',
            data: zstdCompress(
              Buffer.concat([
                datasetTar('').subarray(0, -1024),
                buildTar([{ name: 'escape', type: '2', linkname: '../../../escaped.txt' }]),
              ]),
            ),
          },
        ]),
      /dataset\.tar\.zst: refused entry "escape": is a link to "\.\.\/\.\.\/\.\.\/escaped\.txt"/,
    ],
    [
      'tar snapshot with a path traversal',
      () => buildZip([{ name: 'snap.tar', data: buildTar([{ name: 'dataset/../../escaped.txt', data: 'pwned' }]) }]),
      /snap\.tar: refused entry "dataset\/\.\.\/\.\.\/escaped\.txt": contains "\.\."/,
    ],
  ];
  for (const [label, make, message] of cases) {
    it(label, async () => {
      const n = name('hostile');
      gh.addArtifact({ name: n, data: make(), zip: true, runId: null });
      const runner = tempDir('episode-gate-hostile-');
      const temp = path.join(runner, 'a', 'b');
      mkdirSync(temp, { recursive: true });
      const r = await runWith({ artifact: n }, { RUNNER_TEMP: temp });
      expect(r.code).toBe(1);
      expect(errors(r)).toHaveLength(1);
      expect(errors(r)[0]).toMatch(/^the dataset snapshot was refused: artifact '/);
      expect(errors(r)[0]).toMatch(message);
      expect(hasStackTrace(r)).toBe(false);
      for (const dir of [runner, path.join(runner, 'a'), temp]) expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
    });
  }
});

describe('dataset from another workflow run (REST + findBy)', () => {
  it('lists the run artifacts by name, follows the zip redirect, and scans', async () => {
    const n = name('nightly-export');
    gh.addArtifact({ name: n, data: buildZip(folderEntries(FIXTURE_DATASET, 'export/')), zip: true, runId: 555 });
    const before = gh.requests.length;
    const r = await runWith({ artifact: n, 'artifact-run-id': '555', 'github-token': gh.restToken });
    expectScannedFixtures(r);
    expect(r.summary).toContain(`run 555 of ${REPO.owner}/${REPO.repo}`);

    const mine = gh.requests.slice(before);
    const list = mine.find((q) => q.path === `/repos/${REPO.owner}/${REPO.repo}/actions/runs/555/artifacts`);
    expect(list?.query.get('name')).toBe(n);
    expect(list?.headers.authorization).toMatch(new RegExp(`${gh.restToken}$`));
    expect(mine.some((q) => /\/actions\/artifacts\/\d+\/zip$/.test(q.path))).toBe(true);
    expect(mine.some((q) => q.path.startsWith('/twirp/'))).toBe(false);
  });

  it('an artifact missing from that run', async () => {
    const r = await runWith({ artifact: 'absent', 'artifact-run-id': '555', 'github-token': gh.restToken });
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toMatch(
      /^Input 'artifact': no artifact named 'absent' in run 555 of octo-org\/episode-lab: check the name, artifact-run-id/,
    );
  });

  it('a token the API refuses', async () => {
    const r = await runWith({ artifact: 'anything', 'artifact-run-id': '555', 'github-token': 'wrong' });
    expect(r.code).toBe(1);
    expect(errors(r)[0]).toMatch(/GitHub API answered 401 .*give github-token a token with actions: read/);
    expect(hasStackTrace(r)).toBe(false);
  });
});

describe('upload-report: the JSON report as an artifact (CreateArtifact, blob upload, FinalizeArtifact)', () => {
  it('uploads a zip holding exactly the report file', async () => {
    const n = name('gate-report');
    const r = await runWith({ 'upload-report': n });
    expectScannedFixtures(r);
    const up = gh.uploads.get(n);
    expect(up?.create).toMatchObject({
      workflow_run_backend_id: RUN_BACKEND_ID,
      workflow_job_run_backend_id: JOB_BACKEND_ID,
      name: n,
      version: 7,
    });
    expect(up?.data?.length).toBeGreaterThan(0);
    expect(up?.finalize).toMatchObject({ name: n, size: String(up!.data!.length) });
    expect(up?.finalize?.hash).toBe(`sha256:${createHash('sha256').update(up!.data!).digest('hex')}`);

    const zipFile = path.join(mkdtempSync(path.join(tmpdir(), 'uploaded-')), 'report.zip');
    writeFileSync(zipFile, up!.data!);
    const out = `${zipFile}.d`;
    await unpackArchive(zipFile, out);
    expect(readdirSync(out)).toEqual([path.basename(r.outputs.report!)]);
    expect(readFileSync(path.join(out, path.basename(r.outputs.report!)), 'utf8')).toBe(readFileSync(r.outputs.report!, 'utf8'));
    expect(r.summary).toContain(n);
  });

  it('a failed upload fails the step with one line (the report stays on disk)', async () => {
    const n = name('taken');
    await runWith({ 'upload-report': n });
    const r = await runWith({ 'upload-report': n });
    expect(r.code).toBe(1);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(new RegExp(`^Input 'upload-report': could not upload the report as artifact '${n}': .*409`));
    expect(statSync(r.outputs.report!).size).toBeGreaterThan(0);
  });
});

describe('comment: one sticky PR comment', () => {
  function prEvent(number: number): string {
    const file = path.join(makeWorkspace(), 'event.json');
    writeFileSync(file, JSON.stringify({ action: 'synchronize', number, pull_request: { number } }));
    return file;
  }
  const commentEnv = (event: string): Record<string, string> => ({ GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'pull_request' });

  it('creates the comment, then updates the same one', async () => {
    gh.commentStatus = 0;
    const event = prEvent(7);
    gh.comments.set(7, [{ id: 1, body: 'an unrelated review comment' }]);
    const first = await runWith({ comment: 'true', 'github-token': gh.restToken }, commentEnv(event));
    expectScannedFixtures(first);
    const afterFirst = gh.comments.get(7)!;
    expect(afterFirst).toHaveLength(2);
    const sticky = afterFirst[1]!;
    expect(sticky.body).toMatch(/^<!-- episode-gate:sticky-summary key=[0-9a-f]{16} -->\n/);
    expect(sticky.body).toContain(String(truth.flagged));

    const before = gh.requests.length;
    const second = await runWith({ comment: 'true', 'github-token': gh.restToken, 'fail-on': 'flagged' }, commentEnv(event));
    expect(second.code).toBe(1);
    expect(gh.comments.get(7)).toHaveLength(2);
    expect(gh.comments.get(7)![0]!.body).toBe('an unrelated review comment');
    expect(gh.requests.slice(before).some((q) => q.method === 'PATCH' && q.path.endsWith(`/issues/comments/${sticky.id}`))).toBe(true);
    expect(gh.requests.slice(before).some((q) => q.method === 'POST' && q.path.endsWith('/comments'))).toBe(false);
    expect(gh.comments.get(7)![1]!.body).toMatch(/fail/i);
  });

  it("a fork PR's 403 is a warning, and the job still passes", async () => {
    gh.commentStatus = 403;
    try {
      const r = await runWith({ comment: 'true', 'github-token': gh.restToken }, commentEnv(prEvent(8)));
      expectScannedFixtures(r);
      const warnings = r.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
      expect(warnings.some((m) => /could not comment on octo-org\/episode-lab#8 \(403.*pull-requests: write/.test(m))).toBe(true);
      expect(gh.comments.get(8) ?? []).toEqual([]);
    } finally {
      gh.commentStatus = 0;
    }
  });

  it('outside a pull_request event it posts nothing', async () => {
    const before = gh.requests.length;
    const r = await runWith({ comment: 'true', 'github-token': gh.restToken });
    expectScannedFixtures(r);
    expect(r.stdout).toContain('not a pull_request event');
    expect(gh.requests.slice(before).some((q) => q.path.includes('/issues/'))).toBe(false);
  });
});
