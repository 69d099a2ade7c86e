/** `gesture`: at a person's click, the banner asks for the token its request needs (core/messages/gesture.ts). */
import type { Handler } from './handler';

export const gesture: Handler<'gesture'> = async (message, { sender }, background) => {
  // Only a page needs one, and only while its site shows a banner: there is nothing to click otherwise.
  if (sender.kind !== 'page' || !(await background.decision(message.site)).banner) return null;
  return background.issueGesture(sender);
};
