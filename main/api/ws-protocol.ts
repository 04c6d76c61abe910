// Frames of the WebSocket transport (browser mode). Pure: imported by the server and the renderer.
import { z } from 'zod';
import type { Envelope } from './envelope.ts';
import type { AnyLabEvent } from './event-bus.ts';

export const RequestFrameSchema = z.object({
  t: z.literal('req'),
  id: z.number().int().nonnegative(),
  channel: z.string(),
  input: z.unknown(),
});
export type RequestFrame = z.infer<typeof RequestFrameSchema>;

export type ResponseFrame = { t: 'res'; id: number } & Envelope;
export type EventFrame = { t: 'evt' } & AnyLabEvent;
export type ServerFrame = ResponseFrame | EventFrame;

/** Path of the WebSocket endpoint; the token travels as `?token=`. */
export const WS_PATH = '/api';
