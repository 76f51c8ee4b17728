/**
 * The pure half of `kubesim replay`: parse a tutorial into steps, match each
 * step's actual output against the transcript, rewrite later commands with
 * the names and IPs bound so far, and format the report. The runner that
 * executes steps against a cluster builds on these.
 */

export { parseTranscript, type DocumentedCommand, type ParsedTranscript, type ParseOptions, type Step, type StepKind } from './parse';
export { KNOWN_COMMANDS } from './prompts';
export { matchOutput, type MatchOptions, type MatchResult, type Verdict } from './match';
export { EMPTY_BINDINGS, type BindingGroup, type Bindings } from './bindings';
export { rewriteCommand, type RewriteResult } from './rewrite';
export {
  formatReport, formatTotals, reportToJson, summarizeOutcomes,
  type FormatOptions, type ReportJson, type ReportTotals, type StepOutcome, type StepStatus,
} from './report';
