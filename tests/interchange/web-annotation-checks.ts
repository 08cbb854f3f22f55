/**
 * The W3C Web Annotation test suite's own JSON Schemas (draft-04, ../shared/schemas/web-annotation)
 * as a validator: every `definitions/*.json` is registered under its id, and each assertion of a
 * `.test` file is compiled with ajv-draft-04. An object passes a test when every assertion gives
 * its `expectedResult`. Formats (uri, date-time) are checked by ajv-formats.
 *
 * Not strict mode: the suite's schemas carry keywords of their own test harness (assertionType,
 * expectedResult, errorMessage, onUnexpectedResult) that ajv would otherwise refuse.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

interface Assertion {
  file: string;
  expected: boolean;
  validate: (data: unknown) => boolean;
}

export interface SuiteValidator {
  /** Assertions of a `.test` file (relative to the suite), or single assertion files. */
  assertions: (files: string[]) => Assertion[];
  fromTest: (testFile: string) => Assertion[];
  /** The assertion files an object fails (gives the unexpected result for). */
  failures: (data: unknown, assertions: Assertion[]) => string[];
}

export function createSuiteValidator(root: string): SuiteValidator {
  const ajv = new Ajv04({ strict: false, allErrors: false });
  addFormats(ajv, { mode: "full" });
  for (const file of readdirSync(path.join(root, "definitions")).filter((f) => f.endsWith(".json"))) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(root, "definitions", file), "utf8")));
  }
  const cache = new Map<string, Assertion>();
  const assertions = (files: string[]) =>
    files.map((file) => {
      let assertion = cache.get(file);
      if (!assertion) {
        const schema = JSON.parse(readFileSync(path.join(root, file), "utf8")) as { expectedResult?: string };
        const validate = ajv.compile(schema);
        assertion = { file, expected: schema.expectedResult !== "invalid", validate: (data) => validate(data) === true };
        cache.set(file, assertion);
      }
      return assertion;
    });
  return {
    assertions,
    fromTest: (testFile) => assertions((JSON.parse(readFileSync(path.join(root, testFile), "utf8")) as { assertions: string[] }).assertions),
    failures: (data, list) => list.filter((a) => a.validate(data) !== a.expected).map((a) => a.file),
  };
}

/**
 * Feature assertions ("Implemented" checks, assertionType may/should) that every Counterpoint
 * annotation must meet: they prove the suite recognises the features we use, not only that
 * nothing we wrote is wrong. Left out: 4.2-selectorFound and 3.2.2-bodyType, whose `oneOf`
 * matches twice for a target with selectors or an array of bodies — the suite's own correct
 * samples of those shapes (anno22–32, anno18, …) fail them too.
 */
export const OUR_FEATURES = [
  "annotations/3.3.1-annotationCreatedImplemented.json",
  "annotations/3.3.1-annotationModifiedImplemented.json",
  "annotations/3.3.1-annotationCreatorImplemented.json",
  "annotations/3.3.1-annotationSingleCreatorImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentNameImplemented.json",
  "annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
  "annotations/3.3.5-annotationMotivationImplemented.json",
  "annotations/3.3.5-annotationSingleMotivationImplemented.json",
  "annotations/3.1-bodyKeyFound.json",
  "annotations/bodiesTargets/3.2.1-bodyFormat.json",
  "annotations/bodiesTargets/3.2.1-bodyLanguage.json",
  "annotations/bodiesTargets/3.3.5-bodyPurpose.json",
  "annotations/specificResource/4.2.4-textQuoteSelector.json",
  "annotations/specificResource/4.2.4-prefix.json",
  "annotations/specificResource/4.2.4-suffix.json",
  "annotations/specificResource/4.2.5-textPositionSelector.json",
];
