/**
 * `npm run preview`: every template × locale rendered with the sample data, at desktop and
 * mobile width, with its plain-text part beside it. Save a file in templates/ and the page
 * reloads (Server-Sent Events). Problems `templates check` would report are shown on the page,
 * and templates without problems keep rendering meanwhile.
 *
 * A dev tool: it runs mjml on every change (no build needed), then renders through the same
 * precompiled-template path as the Lambdas.
 */
import { statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSamples } from '#templates/check';
import { compileTemplateSet, evaluateTemplates } from '#templates/compiler';
import { escapeHtml } from '#templates/helpers';
import { createTemplateRuntime, type RenderedEmail } from '#templates/runtime';
import { sampleWithBrand } from '#templates/sample-data';
import { EMAIL_KIND_AUDIENCE, EMAIL_KINDS, isEmailKind, type EmailKind } from '#templates/schemas';
import { DEFAULT_TEMPLATES_DIR, formatDiagnostic, listTemplateFiles, type Diagnostic } from '#templates/source';

export interface PreviewServerOptions {
  /** 0 picks a free port. Default: PREVIEW_PORT or 3001. */
  port?: number;
  host?: string;
  templatesDir?: string;
  /** How often the templates folder is checked for saved files. */
  pollMs?: number;
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

interface Snapshot {
  version: number;
  locales: string[];
  diagnostics: Diagnostic[];
  emails: Map<string, RenderedEmail>;
  /** kind/locale -> the problems reported in that template's files. */
  problems: Map<string, Diagnostic[]>;
}

const key = (kind: string, locale: string): string => `${kind}/${locale}`;

async function snapshot(templatesDir: string, version: number): Promise<Snapshot> {
  const result = await compileTemplateSet(templatesDir);
  const locales = result.settings?.locales.map((locale) => locale.code) ?? [];
  const emails = new Map<string, RenderedEmail>();
  const diagnostics = [...result.diagnostics];
  if (result.settings && result.templates.length > 0) {
    diagnostics.push(...renderSamples(result.templates, result.settings));
    try {
      const runtime = createTemplateRuntime(evaluateTemplates(result.templates), { ...result.settings, timeZone: result.settings.brand.timeZone });
      for (const template of result.templates) {
        try {
          const context = sampleWithBrand(template.kind, result.settings.brand);
          emails.set(key(template.kind, template.locale), runtime.renderEmail(template.kind, context, { locale: template.locale, fallbackLocale: template.locale }));
        } catch {
          // reported by renderSamples
        }
      }
    } catch {
      // reported by renderSamples
    }
  }
  const problems = new Map<string, Diagnostic[]>();
  for (const template of result.set.templates) {
    const files = new Set([template.mjml.file, template.txt?.file].filter(Boolean));
    const own = diagnostics.filter((d) => files.has(d.file));
    if (own.length > 0) problems.set(key(template.kind, template.locale), own);
  }
  return { version, locales, diagnostics, emails, problems };
}

function fingerprint(templatesDir: string): string {
  return listTemplateFiles(templatesDir)
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.mtimeMs}:${stat.size}`;
      } catch {
        return `${file}:gone`;
      }
    })
    .join('|');
}

const PAGE_STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
  body { margin: 0; background: #eef0f3; color: #1f2933; }
  header { position: sticky; top: 0; z-index: 2; background: #1f2933; color: #fff; padding: 12px 24px; display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 17px; margin: 0; }
  header nav a { color: #cfe3f7; margin-right: 10px; font-size: 14px; }
  header .status { margin-left: auto; font-size: 13px; color: #9fb3c8; }
  main { padding: 16px 24px 48px; }
  .problems { background: #fff1f0; border: 1px solid #e0a3a0; border-radius: 6px; padding: 12px 16px; margin-bottom: 20px; }
  .problems h2 { margin: 0 0 8px; font-size: 15px; color: #9b1c1c; }
  .problems li, .card .problems li { font-family: ui-monospace, Menlo, monospace; font-size: 12.5px; margin: 2px 0; }
  .ok { background: #effaf1; border: 1px solid #a5d6ad; border-radius: 6px; padding: 8px 16px; margin-bottom: 20px; font-size: 14px; }
  section.kind { margin-bottom: 32px; }
  section.kind > h2 { font-size: 20px; margin: 24px 0 4px; }
  section.kind > p { margin: 0 0 12px; color: #5f6b7a; font-size: 14px; }
  .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.12); margin: 0 0 18px; padding: 12px 16px 16px; }
  .card h3 { margin: 0 0 2px; font-size: 15px; }
  .card .subject { font-size: 14px; margin: 0 0 10px; }
  .card .subject b { color: #5f6b7a; font-weight: 600; }
  .views { display: flex; gap: 16px; align-items: flex-start; overflow-x: auto; }
  .view { flex: none; }
  .view span { display: block; font-size: 12px; color: #5f6b7a; margin-bottom: 4px; }
  iframe { box-sizing: border-box; border: 1px solid #d9dee5; border-radius: 4px; background: #fff; height: 720px; display: block; }
  iframe.desktop { width: 660px; }
  iframe.mobile { width: 375px; }
  pre.text { flex: 1 1 360px; min-width: 320px; max-width: 560px; height: 720px; overflow: auto; margin: 0; padding: 10px 12px; background: #fafbfc; border: 1px solid #d9dee5; border-radius: 4px; font-size: 12.5px; line-height: 1.45; white-space: pre-wrap; word-break: break-word; }
`;

function renderPage(snap: Snapshot, templatesDir: string): string {
  const h = escapeHtml;
  const problems = snap.diagnostics.map((d) => `<li>${h(formatDiagnostic(d))}</li>`).join('');
  const summary =
    snap.diagnostics.length > 0
      ? `<div class="problems" id="problems"><h2>${snap.diagnostics.length} problem(s): these templates cannot be shipped until they are fixed</h2><ul>${problems}</ul></div>`
      : `<div class="ok" id="problems">No problems: every template passes <code>templates check</code>.</div>`;
  const nav = EMAIL_KINDS.map((kind) => `<a href="#${kind}">${kind}</a>`).join('');
  const sections = EMAIL_KINDS.map((kind) => {
    const cards = snap.locales
      .map((locale) => {
        const id = key(kind, locale);
        const email = snap.emails.get(id);
        const own = snap.problems.get(id) ?? [];
        const ownList = own.length > 0 ? `<div class="problems"><ul>${own.map((d) => `<li>${h(formatDiagnostic(d))}</li>`).join('')}</ul></div>` : '';
        if (!email) return `<article class="card" data-template="${h(id)}" data-ok="false"><h3>${h(kind)} · ${h(locale)}</h3>${ownList || '<p>Not rendered.</p>'}</article>`;
        const src = `/render/${encodeURIComponent(kind)}/${encodeURIComponent(locale)}.html?v=${snap.version}`;
        return `<article class="card" data-template="${h(id)}" data-ok="${own.length === 0}">
  <h3>${h(kind)} · ${h(locale)}</h3>
  <p class="subject"><b>Subject:</b> <span class="subject-text">${h(email.subject)}</span></p>
  ${ownList}
  <div class="views">
    <label class="view"><span>Desktop (660 px)</span><iframe class="desktop" title="${h(id)} desktop" loading="lazy" sandbox="allow-same-origin allow-popups" src="${src}"></iframe></label>
    <label class="view"><span>Mobile (375 px)</span><iframe class="mobile" title="${h(id)} mobile" loading="lazy" sandbox="allow-same-origin allow-popups" src="${src}"></iframe></label>
    <pre class="text" aria-label="${h(id)} plain text">${h(email.text)}</pre>
  </div>
</article>`;
      })
      .join('\n');
    return `<section class="kind" id="${kind}"><h2>${kind}</h2><p>${EMAIL_KIND_AUDIENCE[kind] === 'customer' ? 'Sent to the customer.' : 'Internal: sent to agents or managers.'}</p>${cards}</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Email templates preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${PAGE_STYLE}</style></head>
<body data-version="${snap.version}">
<header><h1>Email templates</h1><nav>${nav}</nav><span class="status" id="status">Watching ${h(templatesDir)} · sample data, brand from brand.json · reloads on save</span></header>
<main>${summary}${sections}</main>
<script>
  (function () {
    var version = ${snap.version};
    var status = document.getElementById('status');
    function check(next) { if (String(next) !== String(version)) { status.textContent = 'Change saved, reloading…'; location.reload(); } }
    if (window.EventSource) {
      var events = new EventSource('/events');
      events.onmessage = function (event) { check(event.data); };
      events.onerror = function () { status.textContent = 'Preview server not reachable; retrying…'; };
    } else {
      setInterval(function () { fetch('/version').then(function (r) { return r.text(); }).then(check); }, 1000);
    }
  })();
</script>
</body></html>`;
}

export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const templatesDir = resolve(options.templatesDir ?? DEFAULT_TEMPLATES_DIR);
  const port = options.port ?? Number(process.env.PREVIEW_PORT ?? 3001);
  const host = options.host ?? '127.0.0.1';
  let version = 1;
  let lastFingerprint = fingerprint(templatesDir);
  let current: { version: number; promise: Promise<Snapshot> } | undefined;
  const listeners = new Set<ServerResponse>();

  const latest = (): Promise<Snapshot> => {
    if (!current || current.version !== version) current = { version, promise: snapshot(templatesDir, version) };
    return current.promise;
  };
  void latest();

  const poll = setInterval(() => {
    const next = fingerprint(templatesDir);
    if (next === lastFingerprint) return;
    lastFingerprint = next;
    version += 1;
    void latest().then((snap) => {
      // tell the pages only once the new version is ready to serve
      for (const listener of listeners) listener.write(`data: ${snap.version}\n\n`);
    });
  }, options.pollMs ?? 300);

  const send = (response: ServerResponse, status: number, type: string, body: string): void => {
    response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://preview');
    if (url.pathname === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      const snap = await latest();
      response.write(`retry: 1000\ndata: ${snap.version}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    if (url.pathname === '/version') return send(response, 200, 'text/plain', String((await latest()).version));
    const snap = await latest();
    if (url.pathname === '/') return send(response, 200, 'text/html', renderPage(snap, templatesDir));
    const match = /^\/render\/([^/]+)\/([^/]+)\.(html|txt|json)$/.exec(url.pathname);
    if (match) {
      const [, kind = '', locale = '', format] = match.map((part) => decodeURIComponent(part));
      const email = isEmailKind(kind) ? snap.emails.get(key(kind as EmailKind, locale)) : undefined;
      if (!email) return send(response, 404, 'text/plain', `No rendered ${kind}/${locale}: see the problems on the index page.`);
      if (format === 'html') return send(response, 200, 'text/html', email.html);
      if (format === 'txt') return send(response, 200, 'text/plain', email.text);
      return send(response, 200, 'application/json', JSON.stringify({ kind: email.kind, locale: email.locale, subject: email.subject, text: email.text }));
    }
    send(response, 404, 'text/plain', 'Not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Preview failed: ${(error as Error).stack ?? String(error)}`);
      else response.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/`,
    close: async () => {
      clearInterval(poll);
      for (const listener of listeners) listener.end();
      listeners.clear();
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const preview = await startPreviewServer();
  console.log(`Email template preview: ${preview.url}  (edit files in templates/; the page reloads on save; Ctrl+C stops)`);
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
