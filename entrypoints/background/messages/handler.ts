/** The shape of one message's handler (one file per message in this folder). */
import type { Browser } from 'wxt/browser';
import type { Sender } from '../../../core/messages/message-senders';
import type { MessageType, Replies, Request } from '../../../core/messages/messages';
import type { BackgroundContext } from '../context';

export type Handler<K extends MessageType> = (
  message: Request<K>,
  from: { sender: Sender; facts: Browser.runtime.MessageSender },
  background: BackgroundContext,
) => Promise<Replies[K]>;

export type Handlers = { [K in MessageType]: Handler<K> };
