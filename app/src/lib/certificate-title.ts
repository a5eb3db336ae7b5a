// What a certificate is for, as the learner, family and verification pages name it: the course's title, or
// the hifz milestone in the reader's language (the server names milestones in English only).
import type { CertifiedMilestone } from '$contract/users';
import type { CoreMessages } from '$lib/i18n/books/core/en';

type Titles = CoreMessages['certificateTitles'];

export function milestoneTitle(milestone: Pick<CertifiedMilestone, 'kind' | 'number'>, titles: Titles): string {
  if (milestone.kind === 'juz') return titles.juz({ n: milestone.number });
  if (milestone.kind === 'juz_count') return titles.juzCount({ count: milestone.number });
  return titles.surah({ n: milestone.number });
}

/** Takes a certificate as /api/certificates answers it, with `course` and `hifzMilestone` populated. */
export function certificateTitle(
  certificate: {
    course?: { title: string } | null;
    hifzMilestone?: Pick<CertifiedMilestone, 'kind' | 'number'> | null;
  },
  titles: Titles,
): string {
  if (certificate.hifzMilestone) return milestoneTitle(certificate.hifzMilestone, titles);
  return certificate.course?.title ?? '';
}
