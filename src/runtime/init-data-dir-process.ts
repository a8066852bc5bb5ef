import { migrateDatabase } from "../db/migrate.ts";
import { restrictNewFiles } from "./data-dir.ts";
import { openEmbeddedDatabase } from "./open-migrated-db.ts";

/**
 * The child process of initEmbeddedDatabase (init-data-dir.ts): creates a PGlite database in the directory
 * it is given and applies the migrations, then exits, taking initdb's memory with it.
 */
async function main(dir: string): Promise<void> {
  restrictNewFiles();
  const database = await openEmbeddedDatabase(dir);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}

// A parent that is gone will never use the result.
process.once("disconnect", () => process.exit(1));

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: init-data-dir-process.ts <directory>\n");
  process.exit(2);
}
main(dir).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
