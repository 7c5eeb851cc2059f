/**
 * A loopback fake of the GitHub services the Action talks to, driven by the real clients in
 * dist/index.js:
 * - the artifact service's Twirp JSON API (ListArtifacts, GetSignedArtifactURL, CreateArtifact,
 *   FinalizeArtifact) under ACTIONS_RESULTS_URL, with the ACTIONS_RUNTIME_TOKEN bearer; an
 *   uploaded artifact is listed and downloadable once finalized, as for a later job of the run;
 * - blob storage: signed download URLs, and the Azure block-blob upload (Put Block,
 *   Put Block List) the upload client speaks;
 * - the REST API under GITHUB_API_URL: a run's artifacts, the artifact zip redirect, issue
 *   comments, a workflow's runs (filtered by branch and status, newest first) and the
 *   repository (its default branch).
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

  private commentJson(c: FakeComment): Record<string, unknown> {
    return {
      id: c.id,
      body: c.body,
      html_url: `https://github.com/${REPO.owner}/${REPO.repo}/pull/1#issuecomment-${c.id}`,
      user: { login: 'github-actions[bot]' },
    };
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
