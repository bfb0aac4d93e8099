// The classroom page: a teacher's exercises and class results, or, when the link carries an
// exercise (#exercise=…), the student's side. The app build (app/) holds the classroom.
// ?lang=fr or ?lang=ar chooses the interface's language (else the browser's).
import init, { mountClassroom } from './app/claim_annotator.js';

const element = document.getElementById('classroom');
const lang = new URLSearchParams(location.search).get('lang') ?? undefined;
try {
  await init();
  mountClassroom(element, { lang });
} catch (error) {
  element.textContent = `The classroom could not start: ${error}`;
}
