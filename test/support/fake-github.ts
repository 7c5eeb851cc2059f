/**
 * A loopback fake of the GitHub services the Action talks to, driven by the real clients in
 * dist/index.js:
 * - the artifact service's Twirp JSON API (ListArtifacts, GetSignedArtifactURL, CreateArtifact,
 *   FinalizeArtifact) under ACTIONS_RESULTS_URL, with the ACTIONS_RUNTIME_TOKEN bearer; an
 *   uploaded artifact is listed and downloadable once finalized, as for a later job of the run;
 * - blob storage: signed download URLs, and the Azure block-blob upload (Put Block,
 *   Put Block List) the upload client speaks;
 * - the REST API under GITHUB_API_URL: a run's artifacts, the artifact zip redirect, issue
 *   comments, a workflow's runs (filtered by branch and status, newest first), the repository
 *   (its default branch), and a small git repository: the contents API (blob sha = git's sha1 of
 *   the content, 409 on a stale sha), refs, and the git data API (blobs, trees, commits).
 * It listens on 127.0.0.1 only, records every request, and answers JSON everywhere (the Twirp
 * client JSON.parses every body and retries on anything else).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const RUN_BACKEND_ID = 'b3f1c2d4-run-backend';
export const JOB_BACKEND_ID = 'a9e8d7c6-job-backend';
export const REPO = { owner: 'octo-org', repo: 'episode-lab' };

/** An unsigned JWT like the runner's ACTIONS_RUNTIME_TOKEN (the client decodes, never verifies). */
function runtimeToken(run = RUN_BACKEND_ID, job = JOB_BACKEND_ID): string {
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.ExampleScope Actions.Results:${run}:${job}`, exp: 4102444800 })}.unsigned`;
}

export interface FakeArtifact {
  id: number;
  name: string;
  data: Buffer;
  /** Served as a zip (the usual artifact) or as a raw file with a Content-Disposition name. */
  zip: boolean;
  fileName?: string;
  /** Workflow run (REST id) the artifact belongs to; null = this run (Twirp). */
  runId: number | null;
  /** A recorded digest that does not match the bytes (a corrupted transfer). */
  wrongDigest?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json?: Record<string, unknown>;
}

/** A workflow run as GET /repos/{o}/{r}/actions/workflows/{file}/runs lists it. */
export interface FakeWorkflowRun {
  id: number;
  /** The workflow file name, e.g. nightly.yml. */
  workflow: string;
  branch: string;
  /** completed runs: success, failure, cancelled ...; null while in progress. */
  conclusion: string | null;
  createdAt: string;
  runNumber?: number;
}

export interface FakeComment {
  id: number;
  body: string;
}

export interface UploadedArtifact {
  name: string;
  create: Record<string, unknown>;
  finalize?: Record<string, unknown>;
  data?: Buffer;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly comments = new Map<number, FakeComment[]>();
  readonly uploads = new Map<string, UploadedArtifact>();
  /** Status for comment writes (e.g. 403 as a fork PR's token gets). */
  commentStatus = 0;
  readonly workflowRuns: FakeWorkflowRun[] = [];
  /** Status for the Actions REST endpoints (e.g. 403 without actions: read); 0 = answer normally. */
  actionsStatus = 0;
  defaultBranch = 'main';
  token = runtimeToken();
  restToken = 'ghs_fake-rest-token';
  readonly git = new FakeRepository();
  /** Status for contents and git data writes (e.g. 403 for a token without contents: write). */
  contentsWriteStatus = 0;
  /** Status for contents reads. */
  contentsReadStatus = 0;
  /** The contents API leaves the content out of files larger than this, as GitHub does above 1 MB. */
  contentsInlineLimit = 1024 * 1024;
  /** Called once, on the next contents write, before it is handled (another writer getting in first). */
  beforeContentsWrite: (() => void) | null = null;
  private readonly blocks = new Map<string, Buffer>();
  private nextCommentId = 9000;
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks));
        } catch (e) {
          send(res, 500, { msg: `fake server error: ${(e as Error).message}` });
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  addArtifact(a: Omit<FakeArtifact, 'id'> & { id?: number }): FakeArtifact {
    const full = { id: a.id ?? 1000 + this.artifacts.length, ...a };
    this.artifacts.push(full);
    return full;
  }

  /** The environment the runner gives a JavaScript action for these services. */
  env(): Record<string, string> {
    return {
      ACTIONS_RUNTIME_TOKEN: this.token,
      ACTIONS_RESULTS_URL: `${this.url}/`,
      GITHUB_API_URL: this.url,
    };
  }

  twirp(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === `/twirp/github.actions.results.api.v1.ArtifactService/${method}`);
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const u = new URL(req.url ?? '/', this.url);
    const rec: RecordedRequest = { method: req.method ?? '', path: u.pathname, query: u.searchParams, headers: req.headers, body };
    if (/json/.test(req.headers['content-type'] ?? '') && body.length > 0)
      rec.json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    this.requests.push(rec);

    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(u.pathname);
    if (twirp && req.method === 'POST') return this.handleTwirp(twirp[1]!, rec, res);
    const blob = /^\/blob\/(\d+)\//.exec(u.pathname);
    if (blob && req.method === 'GET') return this.serveBlob(Number(blob[1]), u, res);
    const upload = /^\/upload\/([^/]+)$/.exec(u.pathname);
    if (upload && req.method === 'PUT') return this.handleBlockUpload(decodeURIComponent(upload[1]!), rec, res);
    return this.handleRest(rec, res);
  }

  private handleTwirp(method: string, rec: RecordedRequest, res: ServerResponse): void {
    if (rec.headers.authorization !== `Bearer ${this.token}`) return send(res, 401, { code: 'unauthenticated', msg: 'bad runtime token' });
    const j = rec.json ?? {};
    const ours = j.workflow_run_backend_id === RUN_BACKEND_ID && j.workflow_job_run_backend_id === JOB_BACKEND_ID;
    if (!ours) return send(res, 400, { code: 'invalid_argument', msg: 'unknown run/job backend ids' });
    switch (method) {
      case 'ListArtifacts': {
        const found = this.artifacts.filter(
          (a) =>
            a.runId === null &&
            (j.name_filter === undefined || a.name === j.name_filter) &&
            (j.id_filter === undefined || String(a.id) === String(j.id_filter)),
        );
        return send(res, 200, {
          artifacts: found.map((a) => ({
            workflow_run_backend_id: RUN_BACKEND_ID,
            workflow_job_run_backend_id: JOB_BACKEND_ID,
            database_id: String(a.id),
            name: a.name,
            size: String(a.data.length),
            created_at: '2026-11-20T03:04:05Z',
            digest: a.wrongDigest ? digest(Buffer.from('something else')) : digest(a.data),
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const a = this.artifacts.find((x) => x.runId === null && x.name === j.name);
        if (!a) return send(res, 404, { code: 'not_found', msg: 'no such artifact' });
        return send(res, 200, { signed_url: this.blobUrl(a) });
      }
      case 'CreateArtifact': {
        const name = String(j.name);
        if (this.uploads.has(name))
          return send(res, 409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
        this.uploads.set(name, { name, create: j });
        return send(res, 200, { ok: true, signed_upload_url: `${this.url}/upload/${encodeURIComponent(name)}?sig=upload-secret` });
      }
      case 'FinalizeArtifact': {
        const up = this.uploads.get(String(j.name));
        if (!up) return send(res, 404, { code: 'not_found', msg: 'no such artifact' });
        up.finalize = j;
        // From now on a later job of the run can list and download it, as on GitHub.
        const a = this.addArtifact({ name: up.name, data: up.data ?? Buffer.alloc(0), zip: true, runId: null });
        return send(res, 200, { ok: true, artifact_id: String(a.id) });
      }
      default:
        return send(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }

  private blobUrl(a: FakeArtifact): string {
    return a.zip
      ? `${this.url}/blob/${a.id}/${encodeURIComponent(a.name)}.zip?sig=download-secret`
      : `${this.url}/blob/${a.id}/raw?sig=download-secret`;
  }

  private serveBlob(id: number, u: URL, res: ServerResponse): void {
    const a = this.artifacts.find((x) => x.id === id);
    if (!a || u.searchParams.get('sig') !== 'download-secret') return send(res, 403, { message: 'bad signature' });
    const headers: Record<string, string | number> = {
      'Content-Type': a.zip ? 'application/zip' : 'application/octet-stream',
      'Content-Length': a.data.length,
    };
    if (!a.zip) headers['Content-Disposition'] = `attachment; filename="${a.fileName ?? 'artifact'}"`;
    res.writeHead(200, headers);
    res.end(a.data);
  }

  /** Azure block blob: Put Block (comp=block) stores, Put Block List (comp=blocklist) commits. */
  private handleBlockUpload(name: string, rec: RecordedRequest, res: ServerResponse): void {
    const up = this.uploads.get(name);
    if (!up || rec.query.get('sig') !== 'upload-secret') return send(res, 403, { message: 'bad signature' });
    const azureHeaders = {
      'x-ms-request-id': 'fake',
      'x-ms-version': '2025-01-05',
      ETag: '"0x1"',
      'Last-Modified': new Date().toUTCString(),
    };
    const comp = rec.query.get('comp');
    if (comp === 'block') {
      this.blocks.set(`${name}:${rec.query.get('blockid')}`, rec.body);
      res.writeHead(201, azureHeaders);
      return void res.end();
    }
    if (comp === 'blocklist') {
      const ids = [...rec.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]!);
      up.data = Buffer.concat(ids.map((id) => this.blocks.get(`${name}:${id}`) ?? Buffer.alloc(0)));
      res.writeHead(201, azureHeaders);
      return void res.end();
    }
    if (!comp && rec.headers['x-ms-blob-type'] === 'BlockBlob') {
      up.data = rec.body;
      res.writeHead(201, azureHeaders);
      return void res.end();
    }
    return send(res, 400, { message: `unexpected blob request ${rec.query.toString()}` });
  }

  private handleRest(rec: RecordedRequest, res: ServerResponse): void {
    const p = rec.path;
    const auth = rec.headers.authorization ?? '';
    if (!auth.endsWith(this.restToken)) return send(res, 401, { message: 'Bad credentials' });

    if (this.actionsStatus && /^\/repos\/[^/]+\/[^/]+\/actions\//.test(p)) {
      return send(res, this.actionsStatus, { message: 'Resource not accessible by integration' });
    }
    let m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(p);
    if (m && rec.method === 'GET') {
      if (m[1] !== REPO.owner || m[2] !== REPO.repo) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { full_name: `${REPO.owner}/${REPO.repo}`, default_branch: this.defaultBranch });
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/.exec(p);
    if (m && rec.method === 'GET') {
      const file = decodeURIComponent(m[3]!);
      if (m[1] !== REPO.owner || m[2] !== REPO.repo || !this.workflowRuns.some((r) => r.workflow === file)) {
        return send(res, 404, { message: 'Not Found' });
      }
      const branch = rec.query.get('branch');
      const status = rec.query.get('status');
      const perPage = Number(rec.query.get('per_page') ?? 30);
      const found = this.workflowRuns
        .filter((r) => r.workflow === file && (branch === null || r.branch === branch))
        .filter((r) => status === null || r.conclusion === status || (status === 'completed' && r.conclusion !== null))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id - a.id));
      return send(res, 200, {
        total_count: found.length,
        workflow_runs: found.slice(0, perPage).map((r) => ({
          id: r.id,
          run_number: r.runNumber ?? r.id % 1000,
          head_branch: r.branch,
          status: r.conclusion === null ? 'in_progress' : 'completed',
          conclusion: r.conclusion,
          created_at: r.createdAt,
          html_url: `https://github.com/${REPO.owner}/${REPO.repo}/actions/runs/${r.id}`,
          path: `.github/workflows/${r.workflow}`,
        })),
      });
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/artifacts$/.exec(p);
    if (m && rec.method === 'GET') {
      if (m[1] !== REPO.owner || m[2] !== REPO.repo) return send(res, 404, { message: 'Not Found' });
      const name = rec.query.get('name');
      const found = this.artifacts.filter((a) => a.runId === Number(m![3]) && (name === null || a.name === name));
      return send(res, 200, {
        total_count: found.length,
        artifacts: found.map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.data.length,
          created_at: '2026-11-20T03:04:05Z',
          expired: false,
          digest: digest(a.data),
        })),
      });
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/artifacts\/(\d+)\/zip$/.exec(p);
    if (m && rec.method === 'GET') {
      const a = this.artifacts.find((x) => x.id === Number(m![3]) && x.runId !== null);
      if (!a) return send(res, 404, { message: 'Not Found' });
      res.writeHead(302, { Location: this.blobUrl(a), 'Content-Type': 'application/json' });
      return void res.end('{}');
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/(contents|git)\/(.+)$/.exec(p);
    if (m) {
      if (m[1] !== REPO.owner || m[2] !== REPO.repo) return send(res, 404, { message: 'Not Found' });
      const rest = decodeURIComponent(m[4]!);
      return m[3] === 'contents' ? this.handleContents(rest, rec, res) : this.handleGitData(rest, rec, res);
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p);
    if (m) {
      const n = Number(m[3]);
      const list = this.comments.get(n) ?? [];
      if (rec.method === 'GET')
        return send(
          res,
          200,
          list.map((c) => this.commentJson(c)),
        );
      if (rec.method === 'POST') {
        if (this.commentStatus) return send(res, this.commentStatus, { message: 'Resource not accessible by integration' });
        const c = { id: this.nextCommentId++, body: String(rec.json?.body) };
        this.comments.set(n, [...list, c]);
        return send(res, 201, this.commentJson(c));
      }
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(p);
    if (m && rec.method === 'PATCH') {
      if (this.commentStatus) return send(res, this.commentStatus, { message: 'Resource not accessible by integration' });
      const c = [...this.comments.values()].flat().find((x) => x.id === Number(m![3]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      c.body = String(rec.json?.body);
      return send(res, 200, this.commentJson(c));
    }
    return send(res, 404, { message: 'Not Found' });
  }

  private handleContents(filePath: string, rec: RecordedRequest, res: ServerResponse): void {
    const git = this.git;
    if (rec.method === 'GET') {
      if (this.contentsReadStatus) return send(res, this.contentsReadStatus, { message: 'Resource not accessible by integration' });
      const ref = rec.query.get('ref') ?? 'main';
      if (!git.branches.has(ref)) return send(res, 404, { message: `No commit found for the ref ${ref}` });
      const sha = git.treeOf(ref).get(filePath);
      if (!sha) return send(res, 404, { message: 'Not Found' });
      const data = git.blobs.get(sha)!;
      if (/vnd\.github\.raw/.test(String(rec.headers.accept))) {
        res.writeHead(200, { 'Content-Type': 'application/vnd.github.raw', 'Content-Length': data.length });
        return void res.end(data);
      }
      const inline = data.length <= this.contentsInlineLimit;
      return send(res, 200, {
        type: 'file',
        name: filePath.split('/').pop(),
        path: filePath,
        sha,
        size: data.length,
        encoding: inline ? 'base64' : 'none',
        // GitHub wraps the base64 every 60 characters.
        content: inline ? (data.toString('base64').match(/.{1,60}/g) ?? []).join('\n') : '',
      });
    }
    if (rec.method !== 'PUT') return send(res, 404, { message: 'Not Found' });
    const hook = this.beforeContentsWrite;
    this.beforeContentsWrite = null;
    hook?.();
    if (this.contentsWriteStatus) return send(res, this.contentsWriteStatus, { message: 'Resource not accessible by integration' });
    const j = rec.json ?? {};
    const branch = typeof j.branch === 'string' ? j.branch : 'main';
    if (!git.branches.has(branch)) return send(res, 404, { message: `Branch ${branch} not found` });
    const current = git.treeOf(branch).get(filePath);
    if (current && j.sha === undefined) return send(res, 422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
    if (j.sha !== undefined && j.sha !== current) return send(res, 409, { message: `${filePath} does not match ${String(j.sha)}` });
    const commit = git.commitFile(branch, filePath, Buffer.from(String(j.content), 'base64'), String(j.message));
    const sha = git.treeOf(branch).get(filePath)!;
    return send(res, current ? 200 : 201, { content: { path: filePath, sha }, commit: { sha: commit } });
  }

  private handleGitData(rest: string, rec: RecordedRequest, res: ServerResponse): void {
    const git = this.git;
    const j = rec.json ?? {};
    if (rec.method === 'GET') {
      if (this.contentsReadStatus) return send(res, this.contentsReadStatus, { message: 'Resource not accessible by integration' });
      let m = /^ref\/heads\/(.+)$/.exec(rest);
      if (m) {
        const head = git.branches.get(m[1]!);
        if (!head) return send(res, 404, { message: 'Not Found' });
        return send(res, 200, { ref: `refs/heads/${m[1]}`, object: { type: 'commit', sha: head } });
      }
      m = /^blobs\/([0-9a-f]{40})$/.exec(rest);
      const blob = m ? git.blobs.get(m[1]!) : undefined;
      if (!blob) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { sha: m![1], size: blob.length, encoding: 'base64', content: blob.toString('base64') });
    }
    if (rec.method !== 'POST') return send(res, 404, { message: 'Not Found' });
    if (this.contentsWriteStatus) return send(res, this.contentsWriteStatus, { message: 'Resource not accessible by integration' });
    switch (rest) {
      case 'blobs':
        return send(res, 201, { sha: git.addBlob(Buffer.from(String(j.content), j.encoding === 'base64' ? 'base64' : 'utf8')) });
      case 'trees': {
        const files = new Map<string, string>(j.base_tree ? git.trees.get(String(j.base_tree)) : []);
        for (const e of j.tree as { path: string; sha: string }[]) files.set(e.path, e.sha);
        return send(res, 201, { sha: git.addTree(files) });
      }
      case 'commits': {
        const tree = String(j.tree);
        if (!git.trees.has(tree)) return send(res, 422, { message: 'Tree SHA does not exist' });
        return send(res, 201, { sha: git.addCommit(tree, (j.parents as string[]) ?? [], String(j.message)) });
      }
      case 'refs': {
        const name = String(j.ref).replace(/^refs\/heads\//, '');
        if (git.branches.has(name)) return send(res, 422, { message: 'Reference already exists' });
        if (!git.commits.has(String(j.sha))) return send(res, 422, { message: 'Object does not exist' });
        git.branches.set(name, String(j.sha));
        return send(res, 201, { ref: `refs/heads/${name}`, object: { type: 'commit', sha: j.sha } });
      }
      default:
        return send(res, 404, { message: 'Not Found' });
    }
  }

  private commentJson(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      html_url: `https://github.com/${REPO.owner}/${REPO.repo}/pull/1#issuecomment-${c.id}`,
      user: { login: 'github-actions[bot]' },
    };
  }
}

interface FakeCommit {
  tree: string;
  parents: string[];
  message: string;
}

/** A git object's id: sha1 of "<type> <size>\0" and the object's bytes, as git computes it. */
function gitSha(type: string, body: Buffer): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

/** The branches, commits, trees (path -> blob sha, flattened) and blobs of the fake repository. */
class FakeRepository {
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, FakeCommit>();
  readonly branches = new Map<string, string>();
  private clock = 0;

  constructor() {
    this.commitFile('main', 'README.md', Buffer.from('# episode-lab\n'), 'initial commit');
  }

  addBlob(data: Buffer): string {
    const sha = gitSha('blob', data);
    this.blobs.set(sha, data);
    return sha;
  }

  /** A flattened tree's id: git's tree of the listing (nested folders listed flat, which is all the fake needs). */
  addTree(files: Map<string, string>): string {
    const entries = [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const body = Buffer.concat(entries.map(([p, sha]) => Buffer.concat([Buffer.from(`100644 ${p}\0`), Buffer.from(sha, 'hex')])));
    const sha = gitSha('tree', body);
    this.trees.set(sha, new Map(files));
    return sha;
  }

  addCommit(tree: string, parents: string[], message: string): string {
    const who = `episode-gate <bot@example.com> ${1_800_000_000 + this.clock++} +0000`;
    const text = `tree ${tree}\n${parents.map((p) => `parent ${p}\n`).join('')}author ${who}\ncommitter ${who}\n\n${message}\n`;
    const sha = gitSha('commit', Buffer.from(text));
    this.commits.set(sha, { tree, parents, message });
    return sha;
  }

  treeOf(branch: string): Map<string, string> {
    const head = this.branches.get(branch);
    return head ? this.trees.get(this.commits.get(head)!.tree)! : new Map();
  }

  /** Commit `data` at `path` on `branch` (made as an orphan when missing); returns the commit's sha. */
  commitFile(branch: string, path: string, data: Buffer, message: string): string {
    const files = new Map(this.treeOf(branch));
    files.set(path, this.addBlob(data));
    const head = this.branches.get(branch);
    const commit = this.addCommit(this.addTree(files), head ? [head] : [], message);
    this.branches.set(branch, commit);
    return commit;
  }

  /** The file's text on the branch, or null. */
  file(branch: string, path: string): string | null {
    const sha = this.treeOf(branch).get(path);
    return sha ? this.blobs.get(sha)!.toString('utf8') : null;
  }

  /** The branch's commits, newest first (first parents). */
  log(branch: string): (FakeCommit & { sha: string })[] {
    const out: (FakeCommit & { sha: string })[] = [];
    for (let sha = this.branches.get(branch); sha;) {
      const c = this.commits.get(sha)!;
      out.push({ sha, ...c });
      sha = c.parents[0];
    }
    return out;
  }
}

function digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
