// Cucumber configuration: TypeScript steps (tsx is loaded by NODE_OPTIONS in the npm script, which
// parallel workers inherit), reports for CI under reports/.
export default {
  paths: ['features/**/*.feature'],
  import: ['steps/**/*.ts'],
  format: [
    'progress-bar',
    'html:reports/cucumber.html',
    'junit:reports/cucumber-junit.xml',
    'message:reports/cucumber-messages.ndjson',
    'summary',
  ],
  formatOptions: { junit: { suiteName: 'smets-harness' } },
  parallel: 2,
  strict: true,
};
