// The TypeScript 6 compiler API for the docs tooling (test/docs-coverage.test.ts): the repository's own
// `typescript` is 7, whose package has no JS compiler API.
module.exports = require("typescript");
