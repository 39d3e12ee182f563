/**
 * Drag-and-drop as attachments ({@attach ...}), so components stay declarative.
 * Every drop target here also has a keyboard path (file picker, "Add" select).
 */
import type { Attachment } from 'svelte/attachments';

export const COLUMN_MIME = 'application/x-clinstat-column';

/**
 * A drop target for drags that carry `type` (a dataTransfer type): highlights while such a drag
 * is over it (nested enter/leave events counted) and hands the DataTransfer to `onDrop`.
 */
function dropTarget(type: string, effect: 'copy', onDrop: (data: DataTransfer) => void, setActive: (active: boolean) => void): Attachment<HTMLElement> {
  return (node) => {
    let depth = 0;
    const carries = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes(type);
    const enter = (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      depth++;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!carries(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = effect;
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!carries(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      onDrop(e.dataTransfer);
    };
    node.addEventListener('dragenter', enter);
    node.addEventListener('dragover', over);
    node.addEventListener('dragleave', leave);
    node.addEventListener('drop', drop);
    return () => {
      node.removeEventListener('dragenter', enter);
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    };
  };
}

/** Makes an element a drop target for files from the desktop. */
export function fileDrop(onFiles: (files: File[]) => void, setActive: (active: boolean) => void): Attachment<HTMLElement> {
  return dropTarget('Files', 'copy', (data) => onFiles([...data.files]), setActive);
}

/** Makes an element a draggable column chip. */
export function columnDrag(column: () => string, onChange?: (dragging: string | null) => void): Attachment<HTMLElement> {
  return (node) => {
    node.draggable = true;
    const start = (e: DragEvent) => {
      const name = column();
      onChange?.(name);
      e.dataTransfer?.setData(COLUMN_MIME, name);
      e.dataTransfer?.setData('text/plain', name);
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'copy';
    };
    const end = () => {
      onChange?.(null);
    };
    node.addEventListener('dragstart', start);
    node.addEventListener('dragend', end);
    return () => {
      node.removeEventListener('dragstart', start);
      node.removeEventListener('dragend', end);
    };
  };
}

/** Makes an element accept dropped column chips. */
export function columnDrop(onDrop: (column: string) => void, setOver: (over: boolean) => void): Attachment<HTMLElement> {
  return dropTarget(COLUMN_MIME, 'copy', (data) => {
    const name = data.getData(COLUMN_MIME);
    if (name) onDrop(name);
  }, setOver);
}
