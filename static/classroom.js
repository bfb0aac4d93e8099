// The classroom page: a teacher's exercises and class results, or, when the link carries an
// exercise (#exercise=…), the student's side. The app build (app/) holds the classroom.
import init, { mountClassroom } from './app/claim_annotator.js';

const element = document.getElementById('classroom');
try {
  await init();
  mountClassroom(element);
} catch (error) {
  element.textContent = `The classroom could not start: ${error}`;
}
