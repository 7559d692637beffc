// The static checks of `npm test`, at once: ESLint, Prettier and the type check share no state,
// and together they take about half as long as one after another. Each one's output is printed
// whole when it ends, and the first failure fails the run.
import { spawn } from "node:child_process";

const CHECKS = [
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
];

function run([name, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? "✓" : "✗"} ${name} (${seconds} s)`);
      if (code !== 0 || output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
