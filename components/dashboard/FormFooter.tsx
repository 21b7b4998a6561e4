// The end of a record form: the save result, save/cancel, and delete for an existing record.
import { t } from './records-messages.ts';

export interface FormMessage {
  kind: 'ok' | 'error';
  text: string;
}

export function FormFooter(props: {
  message: FormMessage | null;
  existing: boolean;
  createLabel: string;
  deleteLabel: string;
  listHref: string;
  onDelete: () => void;
}) {
  const { message } = props;
  return (
    <>
      {message && (
        <div
          className={`notice ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {props.existing ? t('save') : props.createLabel}
        </button>
        <a className="button" href={props.listHref}>
          {props.existing ? t('toList') : t('cancel')}
        </a>
        <span className="spacer" />
        {props.existing && (
          <button type="button" className="danger" onClick={props.onDelete}>
            {props.deleteLabel}
          </button>
        )}
      </div>
    </>
  );
}
