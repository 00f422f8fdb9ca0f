/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  // The pane's lazy chunks (src/taskpane/lazy.ts, `import()`) are imported statically under Jest.
  moduleNameMapper: { "^(\\.{1,2}/)+lazy$": "<rootDir>/src/taskpane/testing/lazy.ts" },
  testTimeout: 30000,
};
