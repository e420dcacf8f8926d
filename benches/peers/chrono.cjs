// Times chrono-node's Russian parser (chrono.ru) on a khronika corpus file; prints one TSV
// line, as peer.py does:  node chrono.cjs CORPUS.jsonl MAX_BYTES MAX_SECONDS
// Needs NODE_PATH pointing at the node_modules that holds chrono-node (benches/peers.sh).
"use strict";
const fs = require("fs");
const path = require("path");
const chrono = require("chrono-node");

const [corpus, maxBytes, budget] = process.argv.slice(2);
const docs = fs
  .readFileSync(corpus, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const run = (doc) => chrono.ru.parse(doc.text, new Date(doc.date + "T12:00:00")).length;
run(docs[0]); // warm-up
let n = 0, chars = 0, size = 0, found = 0;
const start = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9;
for (const doc of docs) {
  if (size >= Number(maxBytes) || elapsed() > Number(budget)) break;
  found += run(doc);
  n += 1;
  chars += [...doc.text].length;
  size += Buffer.byteLength(doc.text, "utf8");
}
const seconds = elapsed();
const pkg = path.join(process.env.NODE_PATH || "", "chrono-node", "package.json");
const version = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, "utf8")).version : "?";
console.log(`chrono-node ${version}\t${n}\t${chars}\t${size}\t${seconds.toFixed(6)}\t${found}`);
