/**
 * The VPS.org documentation's own examples (curl, Python `requests`, JavaScript `fetch`), run for
 * real against the simulator with only the host and token swapped, must get the documented
 * answers: the list of server 12345 holds 801 and 798; the create answers 201 with id 802,
 * `in_progress` and `size_mb` null; restoring 801 answers 200 with the server `restoring`; deleting
 * 801 answers 204. Each tool runs the four examples in the documentation's order on a fresh demo
 * simulator. The Python examples run with the real `requests` library (CI installs
 * python3-requests, and under CI its absence fails the run); only on a developer machine without it
 * is a small urllib stand-in with the same calls put on PYTHONPATH, so the example text never changes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index';
import type { SimulatorHandle } from '../../src/simulator/types';
import { inCI, needTool, type Probe } from '../support/tools';
import { DOC_798_WIRE, DOC_801_WIRE } from '../support/doc-records';

const DOC_BASE = 'https://admin.vps.org/api/v1';
const TOKEN = 'vps_SECRETtest_docexamples';

/** The documentation's curl examples, verbatim apart from line continuations. */
const CURL = {
  list: `curl -X GET "${DOC_BASE}/snapshots/?server_id=12345" \\
  -H "Authorization: Bearer YOUR_API_TOKEN" \\
  -H "Content-Type: application/json"`,
  create: `curl -X POST "${DOC_BASE}/snapshots/" \\
  -H "Authorization: Bearer YOUR_API_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{
    "server_id": 12345,
    "name": "before-update-snapshot",
    "description": "Snapshot before system update"
  }'`,
  restore: `curl -X POST "${DOC_BASE}/snapshots/801/restore/" \\
  -H "Authorization: Bearer YOUR_API_TOKEN" \\
  -H "Content-Type: application/json"`,
  delete: `curl -X DELETE "${DOC_BASE}/snapshots/801/" \\
  -H "Authorization: Bearer YOUR_API_TOKEN" \\
  -H "Content-Type: application/json"`,
};

const PY_PRELUDE = `import requests

API_TOKEN = "YOUR_API_TOKEN"
BASE_URL = "${DOC_BASE}"

headers = {
    "Authorization": f"Bearer {API_TOKEN}",
    "Content-Type": "application/json"
}
`;

/** The documentation's Python examples; each leaves its answer in \`response\`. */
const PYTHON = {
  list: `params = {"server_id": 12345}
response = requests.get(f"{BASE_URL}/snapshots/", headers=headers, params=params)
snapshots = response.json()`,
  create: `data = {
    "server_id": 12345,
    "name": "before-update-snapshot",
    "description": "Snapshot before system update"
}
response = requests.post(f"{BASE_URL}/snapshots/", headers=headers, json=data)
snapshot = response.json()`,
  restore: `snapshot_id = 801
response = requests.post(f"{BASE_URL}/snapshots/{snapshot_id}/restore/", headers=headers)
result = response.json()`,
  delete: `snapshot_id = 801
response = requests.delete(f"{BASE_URL}/snapshots/{snapshot_id}/", headers=headers)`,
};

/** Prints what the test reads: the status and the body (null when empty). */
const PY_REPORT = `
import json as _json
print(_json.dumps({"status": response.status_code, "body": response.json() if response.content else None}))
`;

/** A stand-in for \`requests\` built on urllib: only what the examples call. */
const REQUESTS_SHIM = `import json as _json
import urllib.error, urllib.parse, urllib.request

class Response:
    def __init__(self, status_code, content):
        self.status_code = status_code
        self.content = content
    def json(self):
        return _json.loads(self.content.decode("utf-8"))

def request(method, url, headers=None, params=None, json=None):
    if params:
        url = url + "?" + urllib.parse.urlencode(params)
    data = None if json is None else _json.dumps(json).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req) as res:
            return Response(res.status, res.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, err.read())

def get(url, **kw): return request("GET", url, **kw)
def post(url, **kw): return request("POST", url, **kw)
def delete(url, **kw): return request("DELETE", url, **kw)
`;

/** The documentation's JavaScript examples; each leaves its answer in \`response\`. */
const JS_PRELUDE = `const API_TOKEN = 'YOUR_API_TOKEN';
const BASE_URL = '${DOC_BASE}';
const headers = {
  'Authorization': \`Bearer \${API_TOKEN}\`,
  'Content-Type': 'application/json'
};
`;

const JS = {
  list: `const response = await fetch(\`\${BASE_URL}/snapshots/?server_id=12345\`, { method: 'GET', headers });`,
  create: `const response = await fetch(\`\${BASE_URL}/snapshots/\`, {
  method: 'POST',
  headers,
  body: JSON.stringify({
    server_id: 12345,
    name: 'before-update-snapshot',
    description: 'Snapshot before system update'
  })
});`,
  restore: `const response = await fetch(\`\${BASE_URL}/snapshots/801/restore/\`, { method: 'POST', headers });`,
  delete: `const response = await fetch(\`\${BASE_URL}/snapshots/801/\`, { method: 'DELETE', headers });`,
};

const JS_REPORT = `
const text = await response.text();
console.log(JSON.stringify({ status: response.status, body: text === '' ? null : JSON.parse(text) }));
`;

type Step = keyof typeof CURL;

interface Answer {
  status: number;
  body: unknown;
}

/** Swaps the documentation's host and placeholder token for the simulator's. */
function swap(example: string, sim: SimulatorHandle): string {
  return example.replaceAll(DOC_BASE, sim.url.replace(/\/$/, '')).replaceAll('YOUR_API_TOKEN', TOKEN);
}

/** Loopback must never go through a proxy a developer has configured. */
const CHILD_ENV = { ...process.env, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };

function runFile(file: string, args: string[], env: NodeJS.ProcessEnv = CHILD_ENV): Promise<string> {
  return new Promise((done, fail) => {
    execFile(file, args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${file} failed: ${error.message}\n${stderr}`));
      else done(stdout);
    });
  });
}

function commandProbe(command: string, args: string[]): Probe {
  return () => {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
      return null;
    } catch {
      return `${command} not found or not working`;
    }
  };
}

/** What each example must answer (documented records and answers). */
function expectDocumented(step: Step, answer: Answer): void {
  if (step === 'list') {
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      count: 2,
      results: [DOC_801_WIRE, DOC_798_WIRE],
    });
  } else if (step === 'create') {
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: 802,
      server: { id: 12345, name: 'web-server-01' },
      name: 'before-update-snapshot',
      status: 'in_progress',
      size_mb: null,
      description: 'Snapshot before system update',
      message: expect.any(String),
    });
  } else if (step === 'restore') {
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'success',
      message: expect.any(String),
      snapshot: { id: 801, name: 'pre-migration-snapshot' },
      server: { id: 12345, name: 'web-server-01', status: 'restoring' },
    });
  } else {
    expect(answer).toEqual({ status: 204, body: null });
  }
}

const STEPS: Step[] = ['list', 'create', 'restore', 'delete'];

/** Runs one tool's four examples, in order, against a fresh demo simulator. */
function describeTool(
  tool: string,
  skip: boolean,
  runStep: (step: Step, sim: SimulatorHandle) => Promise<Answer>,
): void {
  describe.skipIf(skip)(`the documentation's ${tool} examples`, () => {
    let sim: SimulatorHandle;
    beforeAll(async () => {
      sim = await startSimulator({ port: 0, seed: 'demo', token: TOKEN });
    });
    afterAll(async () => {
      await sim.stop();
    });
    it.each(STEPS)('%s gets the documented answer', async (step) => {
      expectDocumented(step, await runStep(step, sim));
    });
    it('each example made exactly one request, and one snapshot was made', () => {
      const counts = sim.requestCounts();
      expect(counts).toEqual({
        'GET /snapshots/': 1,
        'POST /snapshots/': 1,
        'POST /snapshots/{id}/restore/': 1,
        'DELETE /snapshots/{id}/': 1,
      });
      expect(sim.snapshot().snapshots.filter((s) => s.name === 'before-update-snapshot')).toHaveLength(1);
    });
  });
}

const noCurl = needTool('curl', commandProbe('curl', ['--version']));
describeTool('curl', noCurl, async (step, sim) => {
  // -s quiets progress; -w appends the status on its own line so the body stays untouched.
  const script = `${swap(CURL[step], sim)} -s -w '\\n%{http_code}'`;
  const out = await runFile('sh', ['-c', script]);
  const cut = out.lastIndexOf('\n');
  const body = out.slice(0, cut);
  return { status: Number(out.slice(cut + 1)), body: body === '' ? null : (JSON.parse(body) as unknown) };
});

const noPython = needTool('python3', commandProbe('python3', ['--version']));
/**
 * Whether the real `requests` is there. Under CI it must be: a missing one throws here (failing the
 * file) instead of letting the stand-in pass for it.
 */
function realRequests(probe: Probe, ci: boolean): boolean {
  const problem = probe();
  if (problem !== null && ci) throw new Error(`python3-requests unavailable: ${problem} (CI requires it)`);
  return problem === null;
}
const requestsProbe: Probe = () =>
  commandProbe('python3', ['-c', 'import requests'])() === null
    ? null
    : 'python3 cannot import requests (Debian: python3-requests)';
const hasRequests = noPython ? false : realRequests(requestsProbe, inCI);
let shimDir: string | null = null;
function pythonEnv(): NodeJS.ProcessEnv {
  if (hasRequests) return CHILD_ENV;
  if (shimDir === null) {
    shimDir = mkdtempSync(join(tmpdir(), 'vps-requests-shim-'));
    writeFileSync(join(shimDir, 'requests.py'), REQUESTS_SHIM);
  }
  return { ...CHILD_ENV, PYTHONPATH: shimDir };
}
afterAll(() => {
  if (shimDir !== null) rmSync(shimDir, { recursive: true, force: true });
});
describeTool('Python requests', noPython, async (step, sim) => {
  const script = `${swap(PY_PRELUDE, sim)}\n${PYTHON[step]}\n${PY_REPORT}`;
  const out = await runFile('python3', ['-c', script], pythonEnv());
  return JSON.parse(out) as Answer;
});

describeTool('JavaScript fetch', false, async (step, sim) => {
  const script = `${swap(JS_PRELUDE, sim)}\n${JS[step]}\n${JS_REPORT}`;
  const out = await runFile(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(out) as Answer;
});

describe('the real requests library under CI', () => {
  it('is what the Python examples use: under CI a missing one fails, it never falls back', () => {
    if (inCI) expect(hasRequests).toBe(true);
    const missing: Probe = () => 'No module named requests';
    expect(() => realRequests(missing, true)).toThrow(/python3-requests unavailable.*CI requires it/);
    expect(realRequests(missing, false)).toBe(false);
    expect(realRequests(() => null, true)).toBe(true);
  });
});

describe('the urllib stand-in for requests', () => {
  it.skipIf(noPython)('behaves like requests for the list example', async () => {
    const sim = await startSimulator({ port: 0, seed: 'demo', token: TOKEN });
    const dir = mkdtempSync(join(tmpdir(), 'vps-requests-shim-'));
    try {
      writeFileSync(join(dir, 'requests.py'), REQUESTS_SHIM);
      const script = `${swap(PY_PRELUDE, sim)}\n${PYTHON.list}\n${PY_REPORT}`;
      const out = await runFile('python3', ['-c', script], { ...CHILD_ENV, PYTHONPATH: dir });
      expectDocumented('list', JSON.parse(out) as Answer);
      const wrong = script.replace(TOKEN, 'vps_SECRETtest_wrong');
      const refused = JSON.parse(
        await runFile('python3', ['-c', wrong], { ...CHILD_ENV, PYTHONPATH: dir }),
      ) as Answer;
      expect(refused.status).toBe(401);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await sim.stop();
    }
  });
});
