// A made-up note (no patient's words) that the note worker extracts once as it starts, while the chart is still being
// read: the first extraction in a fresh worker pays for compiling the lexicons' patterns and the extractors' code (10x
// a warm one), and that first real note would otherwise pay it after the last search, on the way to the verdict. It
// touches each fact family and the section, date and side wording the extractors look for; its facts are discarded.
import type { NoteDoc } from '../../policy/picture';

const TEXT = [
  'CHIEF COMPLAINT: Low back pain radiating down the left leg.',
  'HISTORY OF PRESENT ILLNESS: Lumbar radicular pain for 6 months, onset 01/15/2025, worse with sitting. Numbness and',
  'tingling in the left L5 distribution. Pain is 7/10 today, 4/10 at best. Oswestry disability index 42%. She cannot walk',
  'more than one block and has difficulty with sleep and work. Failed 8 weeks of physical therapy and a home exercise',
  'program; took ibuprofen 600 mg and gabapentin without relief. Prior L4-5 interlaminar epidural steroid injection on',
  '03/02/2025 gave 70% relief for 3 months. Bilateral facet joint pain is not present; no red flags.',
  'PHYSICAL EXAM: Positive straight leg raise on the left at 40 degrees. Decreased sensation L5 dermatome. Strength 5/5.',
  'IMAGING: MRI lumbar spine 02/10/2025 shows a left paracentral disc herniation at L4-L5 with neural foraminal stenosis.',
  'ASSESSMENT: Lumbar radiculopathy, left L5 (M54.16). Chronic low back pain.',
  'PLAN: Left L4-L5 transforaminal epidural steroid injection under fluoroscopy. Continue home exercise and NSAIDs.',
  'Follow up in 2 weeks to reassess pain and function. Time spent 30 minutes, more than half in counselling.',
].join('\n');

export const WARM_UP_NOTE: NoteDoc = {
  ref: 'DocumentReference/warm-up',
  title: 'Warm-up note',
  date: '2025-06-01',
  contentType: 'text/plain',
  text: TEXT,
};
