/** Hostile input to the answer-sheet import (issue 18), part 1 of 3: see tests/support/hostile-answer-sheets.ts. */
import { describeHostileAnswerSheets } from '../../tests/support/hostile-answer-sheets.ts';

describeHostileAnswerSheets(1);
