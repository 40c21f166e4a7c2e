// A page of business assessments, with what its `regions` field needs: the caller's visible ones with the status
// asked for, before the region and text filters narrow them.
import type { Page } from '@etablerer/kit';
import type { FilterQuery } from '@mikro-orm/core';
import type { BusinessAssessment } from './entities/business-assessment.js';

export interface BusinessAssessmentPage extends Page<BusinessAssessment> {
  /** The assessments the region filter chooses among; null when the caller may see none. */
  regionsOf: FilterQuery<BusinessAssessment> | null;
}
