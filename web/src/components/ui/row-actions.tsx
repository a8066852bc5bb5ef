import { Button } from "./button.tsx";

type Props = {
  /** Names the buttons' test ids: edit-<name> and remove-<name>. */
  name: string;
  onEdit: () => void;
  onRemove: () => void;
};

/** The Edit and Remove buttons at the end of a list row; render it only for callers who may write. */
export function RowActions({ name, onEdit, onRemove }: Props) {
  return (
    <td className="actions-cell">
      <div className="row-actions">
        <Button size="sm" variant="ghost" onClick={onEdit} data-testid={`edit-${name}`}>
          Edit
        </Button>
        <Button size="sm" variant="ghost" onClick={onRemove} data-testid={`remove-${name}`}>
          Remove
        </Button>
      </div>
    </td>
  );
}
