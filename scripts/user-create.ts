// `npm run user:create -- --email ada@example.org --role admin [--name "Ada L."]`
// Creates an account (the first admin, typically). Prompts for the password without echoing it;
// when stdin is not a terminal, reads the password from its first line (for scripts).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { closeDatabase, describeDatabase, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrations";
import { AppError } from "@/lib/errors";
import { ROLES, type Role } from "@/lib/model";
import { passwordProblem } from "@/lib/password-policy";
import { createUser } from "@/server/users";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
    if (hidden && process.stdin.isTTY) {
      // Print the prompt, then swallow the echo of what is typed.
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write(s.startsWith(question) ? question : "");
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stdout.write("\n");
      resolve(answer);
    });
  });
}

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string", default: "factchecker" }, name: { type: "string" } },
  strict: true,
});
if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) fail("Give an email address: --email someone@example.org");
if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(", ")}`);

const password = await ask("Password: ", true);
const problem = passwordProblem(password);
if (problem) fail(`The password ${problem}.`);
if (process.stdin.isTTY && (await ask("Repeat the password: ", true)) !== password) fail("The passwords differ.");

const db = openDatabase();
try {
  await runMigrations(db);
  const user = await createUser(db, "system:cli", { email: values.email, name: values.name ?? values.email.split("@")[0]!, role: values.role as Role, password });
  console.log(`created ${user.role} ${user.email} (${user.id}) in ${describeDatabase()}`);
} catch (error) {
  fail(error instanceof AppError ? error.message : String(error));
} finally {
  await closeDatabase(db);
}
