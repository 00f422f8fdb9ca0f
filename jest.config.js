/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // The pane's lazy chunks (src/taskpane/paneChunks.ts, `import()`) are imported statically under Jest.
  moduleNameMapper: { "^(\\.{1,2}/)+paneChunks$": "<rootDir>/src/taskpane/testing/paneChunks.ts" },
  testTimeout: 30000,
};
