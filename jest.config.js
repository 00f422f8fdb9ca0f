/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // The pane's lazy chunks (src/taskpane/chunks.ts, `import()`) are imported statically under Jest.
  // The name is the pane's alone: the CLI's own `lazy.ts` (require on first use) must stay itself.
  moduleNameMapper: { "^(\\.{1,2}/)+chunks$": "<rootDir>/src/taskpane/testing/chunks.ts" },
  testTimeout: 30000,
};
