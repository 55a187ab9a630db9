import { defineBackground } from 'wxt/utils/define-background';
import { setUpAnalysis } from './analysis';
import { setUpDraftCheck } from './draft';
import { setUpLawTexts } from './laws';
import { setUpPdf } from './pdf';
import { setUpCaseIndex } from './related';
import { setUpGrantedSites } from './sites';
import { setUpToolbarButton } from './toolbar';

// One feature, one file: each module registers its own listeners.
export default defineBackground(() => {
  setUpToolbarButton();
  setUpAnalysis();
  setUpLawTexts();
  setUpGrantedSites();
  setUpCaseIndex();
  setUpDraftCheck();
  setUpPdf();
});
