// What the course page says when an action on the course was refused: a conflict and a refusal in words of their
// own, anything else as the request's error.
import { useI18n } from 'vue-i18n';
import { type RequestFailure, useRequestErrorText } from './useRequestErrorText';

export function useCourseActionErrorText() {
  const { t } = useI18n();
  const requestErrorText = useRequestErrorText();
  return (failure: RequestFailure): string => {
    if (failure.codes.includes('CONFLICT')) return t('courses.detail.conflict');
    if (failure.codes.includes('FORBIDDEN')) return t('courses.detail.actionForbidden');
    return requestErrorText(failure);
  };
}
