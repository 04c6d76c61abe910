// The progress report as one self-contained HTML page: inline CSS, no script, nothing fetched
// (its own Content-Security-Policy forbids it too), every value escaped (html.ts). It has to
// read well printed on paper, where instructors often take it: black on white, no colour needed
// to tell states apart, a scenario not split across pages where it fits on one.
import type { ProgressReport, ReportScenario, ReportStep } from '../api/schemas/report.ts';
import { Html, html } from './html.ts';

/** ISO 8601 UTC to the second, or null for a value that is not a time. */
export function isoUtc(value: string): string | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** 42 s, 3 min 05 s, 2 h 07 min, 3 d 4 h: precise where it is short, rounded where it is long. */
export function humanDuration(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds));
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

const STATE_TEXT: Record<ReportScenario['state'], string> = {
  'not-started': 'not started',
  'in-progress': 'in progress',
  finished: 'finished',
};

const CATALOGUE_TEXT: Record<ReportScenario['catalogue'], string> = {
  listed: '',
  'not-in-catalogue':
    'This scenario is not in the catalogue any more: reported from the progress file alone (step titles and the number of steps are unknown).',
  'does-not-load':
    'This scenario’s folder does not load (“kubelab scenarios” says why): reported from the progress file alone (step titles and the number of steps are unknown).',
};

function passedAtCell(step: ReportStep): Html {
  if (step.passedAt === null) return html`<td class="muted">not passed</td>`;
  const iso = isoUtc(step.passedAt);
  return iso === null
    ? html`<td><code>${step.passedAt}</code> (not a valid time)</td>`
    : html`<td><time datetime="${iso}">${iso}</time></td>`;
}

function sinceCell(step: ReportStep): Html {
  const seconds = step.secondsSincePrevious;
  if (seconds === null) return html`<td class="muted">–</td>`;
  return html`<td>${humanDuration(seconds)}${seconds < 0 ? ' before it' : ''}</td>`;
}

function stepRow(step: ReportStep, index: number, listed: boolean): Html {
  const name =
    step.title === null
      ? html`<code>${step.id}</code>`
      : html`${step.title} <span class="id">${step.id}</span>`;
  return html`<tr class="${step.passed ? 'passed' : 'open'}">
    <td class="num">${step.inScenario ? index + 1 : ''}</td>
    <td>
      ${name}${listed && !step.inScenario ? html` <em class="flag">not a step of this scenario now</em>` : null}
    </td>
    <td class="mark">${step.passed ? '✓ passed' : '—'}</td>
    ${passedAtCell(step)} ${sinceCell(step)}
    <td class="mark">${step.solved ? 'yes' : ''}</td>
    <td class="num">${step.hintsUsed || ''}</td>
  </tr>`;
}

function scenarioSection(scenario: ReportScenario): Html {
  const total = scenario.stepsTotal === null ? '?' : String(scenario.stepsTotal);
  const flag = CATALOGUE_TEXT[scenario.catalogue];
  return html`<section class="scenario ${scenario.state}" id="scenario-${scenario.id}">
    <h2>${scenario.title ?? scenario.id} <span class="id">${scenario.id}</span></h2>
    <p class="summary">
      <strong>${STATE_TEXT[scenario.state]}</strong> · ${scenario.stepsPassed} of ${total} steps
      passed · ${scenario.stepsSolved} solved by “show me” or skip ahead · ${scenario.hintsUsed}
      hint${scenario.hintsUsed === 1 ? '' : 's'} shown
    </p>
    ${flag ? html`<p class="flag">${flag}</p>` : null}
    ${
      // Nothing to read in a table of steps nobody touched: on paper, one line says it.
      scenario.state !== 'not-started' && scenario.steps.length
        ? html`<table>
            <thead>
              <tr>
                <th class="num">#</th>
                <th>Step</th>
                <th>Passed</th>
                <th>Passed at (UTC)</th>
                <th>Since previous step</th>
                <th>Solved</th>
                <th class="num">Hints</th>
              </tr>
            </thead>
            <tbody>
              ${scenario.steps.map((step, i) => stepRow(step, i, scenario.catalogue === 'listed'))}
            </tbody>
          </table>`
        : html`<p class="muted">Nothing recorded yet.</p>`
    }
  </section> `;
}

const CSS = `
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #000; background: #fff; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.25rem; }
.id, .muted { color: #555; font-weight: normal; font-size: 0.85em; }
.note { border: 1px solid #000; padding: 0.5rem 0.75rem; }
.warning, .flag { border-left: 4px solid #000; padding-left: 0.5rem; font-style: italic; }
em.flag { border: 0; padding: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 0.5rem; }
th, td { border-bottom: 1px solid #bbb; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #000; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.mark { white-space: nowrap; }
time { font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.passed td:first-child { font-weight: bold; }
section.scenario { margin-top: 1.5rem; page-break-inside: avoid; break-inside: avoid; }
.totals td:first-child { width: 16rem; }
@page { margin: 15mm; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } }
`;

export function renderReportHtml(report: ProgressReport): string {
  const t = report.totals;
  const generated = isoUtc(report.generatedAt) ?? report.generatedAt;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>kubelab progress report: lab ${report.lab}</title>
        <style>
          ${new Html(CSS) /* our own constant; escaping would break its quotes */}
        </style>
      </head>
      <body>
        <header>
          <h1>Progress report: lab “${report.lab}”</h1>
          <p>
            Made by kubelab at <time datetime="${generated}">${generated}</time>. Times are UTC.
          </p>
          <p class="note">${report.selfReported}</p>
          ${report.progressWarning ? html`<p class="warning">${report.progressWarning}</p>` : null}
        </header>
        <table class="totals">
          <tbody>
            <tr>
              <td>Scenarios finished</td>
              <td>${t.finished} of ${t.scenarios}</td>
            </tr>
            <tr>
              <td>In progress</td>
              <td>${t.inProgress}</td>
            </tr>
            <tr>
              <td>Not started</td>
              <td>${t.notStarted}</td>
            </tr>
            <tr>
              <td>Steps passed</td>
              <td>${t.stepsPassed} of ${t.stepsTotal}</td>
            </tr>
            ${
              t.passesOutsideCatalogue
                ? html`<tr>
                    <td>Passes of steps the catalogue does not have</td>
                    <td>${t.passesOutsideCatalogue}</td>
                  </tr>`
                : null
            }
            <tr>
              <td>Steps solved by “show me” or skip ahead</td>
              <td>${t.stepsSolved}</td>
            </tr>
            <tr>
              <td>Hints shown</td>
              <td>${t.hintsUsed}</td>
            </tr>
            ${
              t.notInCatalogue
                ? html`<tr>
                    <td>Scenarios not in the catalogue</td>
                    <td>${t.notInCatalogue}</td>
                  </tr>`
                : null
            }
          </tbody>
        </table>
        ${report.scenarios.map(scenarioSection)}
      </body>
    </html> `;
  return page.text;
}
