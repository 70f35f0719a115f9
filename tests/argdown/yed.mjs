// Print the GraphML (yEd) export of the official Argdown tool for one file, exactly as
// `argdown map --format graphml` writes it. Usage: node yed.mjs FILE
import { readFileSync } from "node:fs";
import { argdown } from "@argdown/core";

const response = argdown.run({
  input: readFileSync(process.argv[2], "utf8"),
  process: "export-graphml",
  logLevel: "error",
});
process.stdout.write(response.graphml + "\n");
