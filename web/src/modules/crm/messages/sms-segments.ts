/**
 * The API's own segment counter (a pure function without dependencies), so the live count in the
 * SMS dialog is exactly what the API stores and Twilio bills.
 */
export { smsSegments, type SmsEncoding, type SmsSegments } from '../../../../../api/src/platform/sms/sms-segments.js';
