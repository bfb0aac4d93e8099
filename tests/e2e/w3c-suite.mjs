// Checks a Claim Annotator export against the MUST assertions of the W3C Web Annotation test
// suite (JSON Schema draft 04): annotationMusts for every annotation, collectionMusts for the
// collection, pageMusts for its embedded page. The suite is read from ../shared when it is
// there (W3C_ANNOTATION_TESTS overrides the folder).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';

const repository = fileURLToPath(new URL('../..', import.meta.url));
export const suiteFolder = process.env.W3C_ANNOTATION_TESTS ?? join(repository, '..', 'shared', 'w3c-annotation-tests');

export function suiteAvailable() {
  return existsSync(join(suiteFolder, 'annotations', 'annotationMusts.test'));
}

function loadValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // Only the definition files: the folder may hold other entries.
  for (const file of readdirSync(join(suiteFolder, 'definitions')).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(suiteFolder, 'definitions', file), 'utf8')));
  }
  return ajv;
}

/** Failed assertions, as "test: assertion id: message"; empty when every MUST holds. */
export function mustFailures(collection) {
  const ajv = loadValidator();
  const page = collection.first;
  const targets = [
    ['annotations/annotationMusts.test', page.items],
    ['collections/collectionMusts.test', [collection]],
    ['collections/pages/pageMusts.test', [page]],
  ];
  const failures = [];
  let checked = 0;
  for (const [testFile, instances] of targets) {
    const test = JSON.parse(readFileSync(join(suiteFolder, testFile), 'utf8'));
    for (const assertionPath of test.assertions) {
      const schema = JSON.parse(readFileSync(join(suiteFolder, assertionPath), 'utf8'));
      const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema);
      for (const instance of instances) {
        checked += 1;
        const valid = validate(instance);
        if ((valid ? 'valid' : 'invalid') !== (schema.expectedResult ?? 'valid')) {
          failures.push(`${testFile}: ${schema.id}: ${schema.errorMessage ?? ''} ${JSON.stringify(validate.errors?.slice(0, 2))}`);
        }
      }
    }
  }
  return { failures, checked };
}
