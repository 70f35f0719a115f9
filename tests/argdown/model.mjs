// Print the official Argdown parser's model of each file named on the command line as
// JSON: statements, arguments (with premise-conclusion structures), relations and errors.
// Usage: node model.mjs FILE...   (one JSON object, keyed by the file names as given)
import { readFileSync } from "node:fs";
import { argdown } from "@argdown/core";

// A relation's end: a statement (equivalence class), an argument, or an argument's
// inference (what an undercut attacks), named by its argument and the index in the
// premise-conclusion structure of the conclusion it leads to.
function ref(member) {
  if (!member) return null;
  if (member.type === "inference") {
    return {
      kind: "inference",
      title: member.argumentTitle ?? null,
      conclusion: member.conclusionIndex ?? null,
    };
  }
  const kind = member.type === "equivalence-class" ? "statement" : member.type;
  return { kind, title: member.title ?? null };
}

function model(input) {
  const response = argdown.run({
    input,
    process: ["parse-input", "build-model"],
    logLevel: "error",
    throwExceptions: false,
  });
  const statements = Object.values(response.statements ?? {}).map((ec) => {
    const canonical = ec.members.find((m) => m.isCanonical) ?? ec.members.find((m) => m.text);
    return {
      title: ec.title,
      text: canonical?.text ?? null,
      tags: ec.tags ?? [],
      section: ec.section?.title ?? null,
    };
  });
  const args = Object.values(response.arguments ?? {}).map((a) => {
    const description = a.members.find((m) => m.isCanonical) ?? a.members.find((m) => m.text);
    return {
      title: a.title,
      text: description?.text ?? null,
      tags: a.tags ?? [],
      section: a.section?.title ?? null,
      pcs: (a.pcs ?? []).map((s) => ({ role: s.role, title: s.title ?? null })),
    };
  });
  const relations = (response.relations ?? []).map((r) => ({
    from: ref(r.from),
    to: ref(r.to),
    type: r.relationType,
  }));
  const errors = [
    ...(response.lexerErrors ?? []).map((e) => ({ line: e.line ?? null, message: e.message })),
    ...(response.parserErrors ?? []).map((e) => ({
      line: e.token?.startLine ?? null,
      message: e.message,
    })),
    ...(response.exceptions ?? []).map((e) => ({ line: null, message: String(e.message ?? e) })),
  ];
  return { statements, arguments: args, relations, errors };
}

const out = {};
for (const file of process.argv.slice(2)) {
  out[file] = model(readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
