// A check as the learner sees it: its description (the author's words, or one made from its
// fields) and the command that shows the same thing.
import type { Check } from '../scenarios/schema.ts';
import { countCommand, describeCount } from './checks/count.ts';
import { describeDns, dnsCommand } from './checks/dns.ts';
import { describeExec, execCommand } from './checks/exec.ts';
import { describeExists, existsCommand } from './checks/exists.ts';
import { describeField, fieldCommand } from './checks/field.ts';
import { describeFile, fileCommand } from './checks/file.ts';
import { describeHttp, httpCommand } from './checks/http.ts';
import { describeOrdered, orderedCommand } from './checks/ordered.ts';
import { describeReady, readyCommand } from './checks/ready.ts';
import { describeTrace, traceCommand } from './checks/trace.ts';

export function describeCheck(check: Check): string {
  if (check.description) return check.description;
  switch (check.type) {
    case 'exists':
      return describeExists(check);
    case 'field':
      return describeField(check);
    case 'count':
      return describeCount(check);
    case 'ready':
      return describeReady(check);
    case 'ordered':
      return describeOrdered(check);
    case 'exec':
      return describeExec(check);
    case 'http':
      return describeHttp(check);
    case 'dns':
      return describeDns(check);
    case 'file':
      return describeFile(check);
    case 'trace':
      return describeTrace(check);
  }
}

/** The command a learner runs to see what the check looks at (on `runIn`'s terminal if set). */
export function learnerCommand(check: Check): { command: string; runIn: string | null } {
  switch (check.type) {
    case 'exists':
      return { command: existsCommand(check), runIn: null };
    case 'field':
      return { command: fieldCommand(check), runIn: null };
    case 'count':
      return { command: countCommand(check), runIn: null };
    case 'ready':
      return { command: readyCommand(check), runIn: null };
    case 'ordered':
      return { command: orderedCommand(check), runIn: null };
    case 'exec':
      return execCommand(check);
    case 'http':
      return httpCommand(check);
    case 'dns':
      return { command: dnsCommand(check), runIn: null };
    case 'file':
      return { command: fileCommand(check), runIn: check.node };
    case 'trace':
      return { command: traceCommand(check), runIn: null };
  }
}
