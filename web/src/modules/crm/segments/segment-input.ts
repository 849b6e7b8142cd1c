import type { ContactFilter, CustomerFilter, SegmentEntity } from '../../../gql/graphql';
import type { FilterObject } from './segment-filter';

/** The address parameter of the view a list shows (`/contacts?segment=…`). */
export const SEGMENT_PARAM = 'segment';
export const SEGMENTS_FEATURE = 'CRM.segments';
export const SEGMENT_NAME_MAX = 200;

/** The filter member of createSegment/updateSegment that matches the segment's records. */
export function filterInput(entity: SegmentEntity, filter: FilterObject): { contactFilter: ContactFilter } | { customerFilter: CustomerFilter } {
  return entity === 'CONTACT' ? { contactFilter: filter as ContactFilter } : { customerFilter: filter as CustomerFilter };
}

/** Where a segment's records are listed. */
export function listPath(entity: SegmentEntity): string {
  return entity === 'CONTACT' ? '/contacts' : '/customers';
}

export function isSegmentEntity(value: string | null): value is SegmentEntity {
  return value === 'CONTACT' || value === 'CUSTOMER';
}
